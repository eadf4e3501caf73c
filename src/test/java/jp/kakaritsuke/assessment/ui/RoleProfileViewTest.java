package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.AssessmentService;
import jp.kakaritsuke.base.ui.RoleRadarChart;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityType;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The profile of a submitted round: similar cases with reasons, practices by role, a case overlaid on the radar. */
@SpringBootTest
class RoleProfileViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void showsSimilarCasesAndPracticesAndOverlaysACase() {
        FacilityProfile clinic = fixtures.facility(FacilityType.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = assessments.startRound(clinic.id());
        for (var a : round.answers()) {
            int level = switch (a.roleCode()) {
                case "HOME_CARE", "OUT_OF_HOURS" -> 4;
                case "END_OF_LIFE" -> 1;
                default -> 0;
            };
            assessments.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                    new RoleAnswerInput(level, a.roleCode().equals("END_OF_LIFE"), null, Map.of()));
        }
        assessments.submit(round.summary().id());
        String viewer = fixtures.member(clinic, MemberRole.VIEWER); // a board member reads it
        Fixtures.as(viewer);

        RoleProfileView view = navigate(RoleProfileView.class, round.summary().id());
        assertThat(view.recommendationPanel).isNotNull();
        assertThat(find(Div.class).withClassName("case-card").all()).hasSize(5);
        assertThat(find(ListItem.class).withClassName("recommended-practice").all()).hasSizeBetween(1, 10);
        assertThat(find(com.vaadin.flow.component.html.Span.class).withTextContaining("重点: 看取り").exists()).isTrue();

        var report = find(com.vaadin.flow.component.html.Anchor.class).withClassName("report-download").single();
        assertThat(report.getHref()).isEqualTo("api/v1/assessments/" + round.summary().id() + "/report.xlsx");

        test(find(Button.class).withText("レーダーに重ねる").first()).click();
        assertThat(view.chart.getSeries()).extracting(RoleRadarChart.Series::kind).contains(RoleRadarChart.SeriesKind.CASE);
        assertThat(view.chart.getSeries().getLast().values()).hasSize(14).allMatch(v -> v == 0 || v == 60 || v == 100);
    }
}
