package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.ui.RoleTrendChart;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 「これまでの推移」 on the result page (issue 15): one submitted round says when the trend appears; several draw a
 * line per role with the priority and most-changed roles shown, and choosing a role lists its indicator answers per
 * round.
 */
@SpringBootTest
class TrendSectionTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void withOneSubmittedRoundItSaysTheTrendComesWithTheNext() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long only = fixtures.submitRound(clinic.id(), role -> 2, role -> false);

        RoleProfileView view = navigate(RoleProfileView.class, only);
        assertThat(view.trend).isNotNull();
        assertThat(find(H3.class).withText("これまでの推移").exists()).isTrue();
        assertThat(find(Paragraph.class).withClassName("trend-empty").single().getText()).contains("まだ1回", "次回の自己評価");
        assertThat(view.trend.chart).isNull();
    }

    @Test
    void linesPerRoleWithPriorityAndMostChangedShownAndADrillDownToTheIndicators() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long first = submit(clinic, 1, null);
        // 在宅医療 answers a count the second time; 看取り is a priority; 休日夜間 moves most (0 → 4)
        long second = submit(clinic, 2, "12");

        RoleProfileView view = navigate(RoleProfileView.class, second);
        RoleTrendChart chart = view.trend.chart;
        assertThat(chart).isNotNull();
        assertThat(chart.getDates()).hasSize(2);
        assertThat(chart.getSeries()).hasSize(14);
        RoleTrendChart.Series ooh = series(chart, "休日夜間・24時間対応");
        assertThat(ooh.scores()).hasSize(2);
        assertThat(ooh.scores().get(0)).isLessThan(ooh.scores().get(1));
        assertThat(ooh.levels()).containsExactly(0, 4);
        assertThat(ooh.shown()).as("changed most").isTrue();
        assertThat(series(chart, "看取り").shown()).as("a priority").isTrue();
        assertThat(chart.getSeries().stream().filter(RoleTrendChart.Series::shown).count()).isLessThanOrEqualTo(4);
        assertThat(chart.getSeries().stream().filter(s -> !s.shown())).isNotEmpty();
        assertThat(view.trend.answers).isNull();

        test(view.trend.role).selectItem("在宅医療");
        Grid<TrendSection.Line> grid = view.trend.answers;
        assertThat(grid).isNotNull();
        assertThat(grid.getColumns()).hasSize(3);
        List<TrendSection.Line> lines = grid.getListDataView().getItems().toList();
        assertThat(lines.getFirst().label()).isEqualTo("レベル");
        assertThat(lines.getFirst().cells()).containsExactly("1", "2");
        TrendSection.Line count = lines.stream().filter(l -> l.label().equals(countIndicator(second).labelJa()))
                .findFirst().orElseThrow();
        String unit = countIndicator(second).unitJa();
        assertThat(count.cells()).containsExactly("(未回答)", unit == null ? "12" : "12 " + unit);
        assertThat(find(Paragraph.class).withClassName("trend-caption").single().getText()).contains("在宅医療", "2回分");
        assertThat(first).isLessThan(second);
    }

    private static RoleTrendChart.Series series(RoleTrendChart chart, String name) {
        return chart.getSeries().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private Indicator countIndicator(long roundId) {
        RoleQuestion homeCare = rounds.questionnaire(roundId).role(RoleCode.HOME_CARE).orElseThrow();
        return homeCare.indicators().stream().filter(i -> i.type() == AnswerType.NUMBER).findFirst().orElseThrow();
    }

    private long submit(FacilityProfile clinic, int level, String homeCareCount) {
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        for (var a : round.answers()) {
            Map<String, AnswerValue> values = homeCareCount != null && a.roleCode() == RoleCode.HOME_CARE
                    ? Map.of(countIndicator(id).code(), AnswerValue.of(new BigDecimal(homeCareCount))) : Map.of();
            int l = a.roleCode() == RoleCode.OUT_OF_HOURS ? (level == 1 ? 0 : 4) : level;
            rounds.saveRoleAnswer(id, a.roleCode(), a.version(),
                    new RoleAnswerInput(l, a.roleCode() == RoleCode.END_OF_LIFE, null, values));
        }
        return submissions.submit(id).summary().id();
    }
}
