package jp.kakaritsuke.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoleScoring;
import jp.kakaritsuke.assessment.domain.ScoringRule;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.junit.jupiter.api.Test;

/** The formula of docs/questionnaire.md: round(100 × (0.6 × L/4 + 0.4 × I)). */
class RoleScoringTest {

    static Indicator indicator(String code, AnswerType type, Integer fullCredit) {
        return new Indicator(code, RoleCode.HOME_CARE, 1, code, code, null, null, type, null, null, 0, 1000, fullCredit, "17", 1, null, null);
    }

    static final Indicator YES_NO = indicator("a", AnswerType.YES_NO, null);
    static final Indicator SCALE = indicator("b", AnswerType.REPORT_SCALE, null);
    static final Indicator NUMBER = indicator("c", AnswerType.NUMBER, 12);
    static final List<String> ANCHORS = List.of("0", "1", "2", "3", "4");
    static final RoleQuestion ROLE = new RoleQuestion(RoleCode.HOME_CARE, 4, 9, "", "", null, ANCHORS, ANCHORS, List.of(YES_NO, SCALE, NUMBER));

    @Test
    void noLevelNoScore() {
        assertThat(RoleScoring.score(ROLE, null, Map.of("a", IndicatorValue.choice(Choice.YES)))).isNull();
    }

    @Test
    void levelOnlyWithNothingAnswered() {
        assertThat(RoleScoring.score(ROLE, 0, Map.of())).isZero();
        assertThat(RoleScoring.score(ROLE, 4, Map.of())).isEqualTo(60);
        assertThat(RoleScoring.score(ROLE, 2, Map.of())).isEqualTo(30);
    }

    @Test
    void workedExample() {
        // L = 3; I = (1 + 0.25 + 6/12) / 3 = 0.5833…; 100 × (0.45 + 0.2333…) = 68.33 → 68
        Map<String, IndicatorValue> answers = Map.of(
                "a", IndicatorValue.choice(Choice.YES),
                "b", IndicatorValue.choice(Choice.NONE_WITH_INTENT),
                "c", IndicatorValue.number(BigDecimal.valueOf(6)));
        assertThat(RoleScoring.score(ROLE, 3, answers)).isEqualTo(68);
    }

    @Test
    void everythingInPlaceIsOneHundredAndNumbersAreCappedAtFullCredit() {
        Map<String, IndicatorValue> answers = Map.of(
                "a", IndicatorValue.choice(Choice.YES),
                "b", IndicatorValue.choice(Choice.PROVIDED),
                "c", IndicatorValue.number(BigDecimal.valueOf(500)));
        assertThat(RoleScoring.score(ROLE, 4, answers)).isEqualTo(100);
    }

    @Test
    void negativeCreditsAreImpossibleAndNoIntentCountsZero() {
        assertThat(RoleScoring.credit(SCALE, IndicatorValue.choice(Choice.NONE_NO_INTENT))).isZero();
        assertThat(RoleScoring.credit(YES_NO, IndicatorValue.choice(Choice.NO))).isZero();
        assertThat(RoleScoring.credit(NUMBER, IndicatorValue.number(BigDecimal.valueOf(-3)))).isZero();
        assertThat(RoleScoring.credit(NUMBER, null)).isZero();
    }

    @Test
    void aRoleWithoutIndicatorsScoresOnItsLevel() {
        RoleQuestion bare = new RoleQuestion(RoleCode.OTHER, 6, 14, "", "", null, ANCHORS, ANCHORS, List.of());
        assertThat(RoleScoring.score(bare, 3, Map.of())).isEqualTo(75);
    }

    // --- version 2 (docs/questionnaire.md §9) ---

    static final Indicator HOME_CARE_SCALE = indicator("home_care", AnswerType.REPORT_SCALE, null);
    static final Indicator VISITS = indicator("visit_patients", AnswerType.NUMBER, 30);
    static final Indicator CO_PHYSICIAN = indicator("co_physician", AnswerType.YES_NO, null);
    static final Indicator RESPITE = indicator("respite_admission", AnswerType.YES_NO, null);
    static final Indicator SUPPORT = indicator("support_others", AnswerType.YES_NO, null);
    static final RoleQuestion HOME_CARE = new RoleQuestion(RoleCode.HOME_CARE, 2, 9, "", "", null, ANCHORS, ANCHORS,
            List.of(HOME_CARE_SCALE, VISITS, CO_PHYSICIAN, RESPITE, SUPPORT));

    static Map<String, IndicatorValue> workedExample(Choice respite) {
        return Map.of("home_care", IndicatorValue.choice(Choice.PROVIDED),
                "visit_patients", IndicatorValue.number(BigDecimal.valueOf(18)),
                "co_physician", IndicatorValue.choice(Choice.YES),
                "respite_admission", IndicatorValue.choice(respite));
    }

    @Test
    void theWorkedExampleScoresAsDocumentedUnderBothVersions() {
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ALL_INDICATORS, HOME_CARE, 3, workedExample(Choice.NO))).isEqualTo(66);
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, 3, workedExample(Choice.NO))).isEqualTo(71);
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, 3, workedExample(Choice.NOT_APPLICABLE))).isEqualTo(80);
        assertThat(RoleScoring.detailed(HOME_CARE, workedExample(Choice.NO))).isTrue();
    }

    @Test
    void underVersionTwoALevelAloneGivesTheFullScoreOfTheLevel() {
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, 3, Map.of())).isEqualTo(75);
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, 4, Map.of())).isEqualTo(100);
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, null, Map.of())).isNull();
        // 不明 / 該当なし alone are not detail: the level decides, and the role is not called detailed
        Map<String, IndicatorValue> unknownOnly = Map.of("respite_admission", IndicatorValue.choice(Choice.UNKNOWN),
                "co_physician", IndicatorValue.choice(Choice.NOT_APPLICABLE));
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, 2, unknownOnly)).isEqualTo(50);
        assertThat(RoleScoring.detailed(HOME_CARE, unknownOnly)).isFalse();
        assertThat(RoleScoring.detailed(HOME_CARE, Map.of())).isFalse();
        // a single "no" answered pulls the score down; version 1 counts the unanswered as 0 as before
        Map<String, IndicatorValue> oneNo = Map.of("co_physician", IndicatorValue.choice(Choice.NO));
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, HOME_CARE, 4, oneNo)).isEqualTo(60);
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ALL_INDICATORS, HOME_CARE, 4, Map.of())).isEqualTo(60);
    }

    @Test
    void unknownAndNotApplicableAreOfferedOnlyWhereTheIndicatorSaysAndEarnNothing() {
        Indicator withBoth = new Indicator("x", RoleCode.HOME_CARE, 1, "x", "x", null, null, AnswerType.YES_NO, null, null, null,
                null, null, "17", 1, null, null, List.of(Choice.UNKNOWN, Choice.NOT_APPLICABLE));
        assertThat(withBoth.choices()).containsExactly(Choice.YES, Choice.NO, Choice.UNKNOWN, Choice.NOT_APPLICABLE);
        assertThat(YES_NO.choices()).containsExactly(Choice.YES, Choice.NO);
        assertThat(SCALE.choices()).containsExactly(Choice.NONE_NO_INTENT, Choice.NONE_WITH_INTENT, Choice.PROVIDED);
        assertThat(NUMBER.choices()).isEmpty();
        assertThat(RoleScoring.credit(withBoth, IndicatorValue.choice(Choice.UNKNOWN))).isZero();
        assertThat(Choice.UNKNOWN.counts()).isFalse();
        assertThat(Choice.NO.counts()).isTrue();
    }

    @Test
    void theReportsFrequencyBandsAndTheOutOfHoursFeeEarnTheirDocumentedCredits() {
        Indicator rota = indicator("rota", AnswerType.REPORT_FREQUENCY, null);
        assertThat(Choice.of(AnswerType.REPORT_FREQUENCY).stream().map(c -> RoleScoring.credit(rota, IndicatorValue.choice(c))).toList())
                .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0, 1.0);
        Indicator fee = indicator("fee", AnswerType.OUT_OF_HOURS_FEE, null);
        // the fee's own points 5 / 4 / 3 / 1, divided by 5
        assertThat(Choice.of(AnswerType.OUT_OF_HOURS_FEE).stream().map(c -> RoleScoring.credit(fee, IndicatorValue.choice(c))).toList())
                .containsExactly(0.0, 1.0, 0.8, 0.6, 0.2);
        RoleQuestion ooh = new RoleQuestion(RoleCode.OUT_OF_HOURS, 2, 8, "", "", null, ANCHORS, ANCHORS, List.of(rota, fee, YES_NO));
        // level 2, rota monthly (0.75), fee 3 (0.6), the yes/no unanswered: 100 × (0.3 + 0.4 × 0.675) = 57
        assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, ooh, 2, Map.of(
                "rota", IndicatorValue.choice(Choice.FREQ_1), "fee", IndicatorValue.choice(Choice.OOH_FEE_3)))).isEqualTo(57);
    }

    @Test
    void anIndicatorAFacilityIsNotAskedNeverLowersItsScore() {
        // version 3: the same role as a clinic sees it (with the fee) and as an association sees it (without): the same
        // answers score the same, since only answered indicators count
        Indicator fee = new Indicator("fee", RoleCode.OUT_OF_HOURS, 1, "fee", "fee", null, null, AnswerType.OUT_OF_HOURS_FEE, null,
                null, null, null, null, null, null, null, null, List.of(),
                jp.kakaritsuke.assessment.domain.IndicatorAudience.CLINIC, null, "rule", "rule");
        RoleQuestion full = new RoleQuestion(RoleCode.OUT_OF_HOURS, 2, 8, "", "", null, ANCHORS, ANCHORS, List.of(fee, YES_NO));
        RoleQuestion association = full.forFacility(jp.kakaritsuke.base.FacilityKind.ASSOCIATION);
        assertThat(association.indicators()).containsExactly(YES_NO);
        assertThat(full.forFacility(jp.kakaritsuke.base.FacilityKind.CLINIC)).isSameAs(full);
        Map<String, IndicatorValue> answers = Map.of("a", IndicatorValue.choice(Choice.YES));
        for (int level = 0; level <= 4; level++) {
            assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, association, level, answers))
                    .isEqualTo(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, full, level, answers));
            // and with nothing answered, the level alone (as in version 2)
            assertThat(RoleScoring.score(ScoringRule.LEVEL_AND_ANSWERED_INDICATORS, full, level, Map.of())).isEqualTo(25 * level);
        }
    }
}
