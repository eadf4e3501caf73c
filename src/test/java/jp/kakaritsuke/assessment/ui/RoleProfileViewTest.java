package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.ui.RoleRadarChart;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
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
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    @Autowired
    jp.kakaritsuke.assessment.service.QuestionnaireService questionnaires;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void saysWhichRolesWereAnsweredInDetailAndLetsAnEditorPlanAnAction() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = rounds.startRound(clinic.id());
        for (var a : round.answers()) {
            Map<String, jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue> detail = a.roleCode() == RoleCode.HOME_CARE
                    ? Map.of("HOME_CARE.visit_patients", jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue.typed("１２"))
                    : Map.of();
            rounds.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                    new RoleAnswerInput(a.roleCode() == RoleCode.HOME_CARE ? 2 : 1, a.roleCode() == RoleCode.HOME_CARE, null, detail));
        }
        submissions.submit(round.summary().id());

        navigate(RoleProfileView.class, round.summary().id());
        String note = find(com.vaadin.flow.component.html.Paragraph.class).withClassName("detail-note").single().getText();
        assertThat(note).contains("在宅医療").contains("レベルだけ").doesNotContain("看取り");
        assertThat(find(Button.class).withText("行動計画に追加").exists()).as("an editor adds from a recommendation").isTrue();
        // the current edition's crosswalk: 在宅医療 relates to (ハ), said as ours, with its reason
        Div homeCare = find(Div.class).withClassName("crosswalk-role").all().stream()
                .filter(d -> "HOME_CARE".equals(d.getElement().getAttribute("data-role"))).findFirst().orElseThrow();
        assertThat(homeCare.getElement().getTextRecursively()).contains("この役割は報告の", "(ハ)", "に関係します")
                .doesNotContain("!functionreport");
        assertThat(find(com.vaadin.flow.component.html.Span.class).withClassName("crosswalk-ours").single().getText())
                .isEqualTo("当サービスによる対応付け");
    }

    @Test
    void showsSimilarCasesAndPracticesAndOverlaysACase() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = rounds.startRound(clinic.id());
        for (var a : round.answers()) {
            int level = switch (a.roleCode()) {
                case RoleCode.HOME_CARE, RoleCode.OUT_OF_HOURS -> 4;
                case RoleCode.END_OF_LIFE -> 1;
                default -> 0;
            };
            rounds.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                    new RoleAnswerInput(level, a.roleCode() == RoleCode.END_OF_LIFE, null, Map.of()));
        }
        submissions.submit(round.summary().id());
        String viewer = fixtures.member(clinic, MemberRole.VIEWER); // a board member reads it
        Fixtures.as(viewer);

        RoleProfileView view = navigate(RoleProfileView.class, round.summary().id());
        assertThat(view.recommendationPanel).isNotNull();
        assertThat(find(Div.class).withClassName("case-card").all()).hasSize(5);
        assertThat(find(ListItem.class).withClassName("recommended-practice").all()).hasSizeBetween(1, 10);
        // the priority 看取り has the first group, with the next level's anchor from this round's questionnaire
        List<Div> groups = find(Div.class).withClassName("practice-group").all();
        assertThat(groups.getFirst().getElement().getAttribute("data-role")).isEqualTo("END_OF_LIFE");
        assertThat(groups.getFirst().getElement().getAttribute("data-kind")).isEqualTo("PRIORITY");
        String anchor = questionnaires.version(round.summary().questionnaireVersion()).role(RoleCode.END_OF_LIFE).orElseThrow()
                .levelAnchor(2, java.util.Locale.JAPANESE);
        assertThat(groups.getFirst().getElement().getTextRecursively()).contains("看取り（重点）", "次のレベルに上がるには",
                "レベル2:「" + anchor + "」", "重点に選んだ看取りで、");
        // every practice has its summary with source, and one sentence why
        for (ListItem item : find(ListItem.class).withClassName("recommended-practice").all()) {
            String text = item.getElement().getTextRecursively();
            assertThat(text).containsPattern("(事例|参考)\\S* 取組. より|要約（本アプリ作成）");
            assertThat(item.getElement().getTextRecursively()).containsAnyOf("重点に選んだ", "次の段階の例として");
        }
        // a viewer reads the plan but does not add to it
        assertThat(find(Button.class).withText("行動計画に追加").exists()).isFalse();
        // a phone shows four columns of the score table
        view.phoneColumns(390);
        assertThat(view.table.getColumns().stream().filter(c -> c.isVisible())).hasSize(4);
        view.phoneColumns(1366);
        assertThat(view.table.getColumns().stream().filter(c -> c.isVisible())).hasSize(6);

        var report = find(com.vaadin.flow.component.html.Anchor.class).withClassName("report-download").single();
        assertThat(report.getHref()).isEqualTo("api/v1/assessments/" + round.summary().id() + "/report.xlsx");

        Button first = find(Button.class).withText("レーダーに重ねる").first();
        assertThat(first.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        test(first).click();
        assertThat(view.chart.getSeries()).extracting(RoleRadarChart.Series::kind).contains(RoleRadarChart.SeriesKind.CASE);
        assertThat(view.chart.getSeries().getLast().values()).hasSize(14).allMatch(v -> v == 0 || v == 60 || v == 100);
        // pressed: says so, names the case, and a second press takes it off again
        assertThat(first.getText()).isEqualTo("重ねるのをやめる");
        assertThat(first.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        var legend = find(com.vaadin.flow.component.html.Paragraph.class).withClassName("overlay-legend").single();
        assertThat(legend.isVisible()).isTrue();
        assertThat(legend.getText()).startsWith("レーダーに重ねている事例: 事例");
        // another case moves the overlay there: one case at a time
        Button second = find(Button.class).withText("レーダーに重ねる").first();
        test(second).click();
        assertThat(view.chart.getSeries()).filteredOn(s -> s.kind() == RoleRadarChart.SeriesKind.CASE).hasSize(1);
        assertThat(first.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(first.getText()).isEqualTo("レーダーに重ねる");
        test(second).click();
        assertThat(view.chart.getSeries()).noneMatch(s -> s.kind() == RoleRadarChart.SeriesKind.CASE);
        assertThat(second.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(legend.isVisible()).isFalse();
    }
}
