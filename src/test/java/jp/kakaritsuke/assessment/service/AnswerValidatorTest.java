package jp.kakaritsuke.assessment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.junit.jupiter.api.Test;

/** The one rule for answers, also deciding which stored answers a later version's round carries over. */
class AnswerValidatorTest {

    static Indicator indicator(String code, AnswerType type, Integer max, List<Choice> extra) {
        return new Indicator(code, RoleCode.OUT_OF_HOURS, 1, code, code, null, null, type, null, null, 0, max, max, "9", 4, null,
                null, extra);
    }

    static final Indicator ROTA = indicator("rota", AnswerType.REPORT_FREQUENCY, null, List.of());
    static final Indicator FEE = indicator("fee", AnswerType.OUT_OF_HOURS_FEE, null, List.of());
    static final Indicator SHIFTS = indicator("shifts", AnswerType.NUMBER, 1000, List.of());
    static final List<String> ANCHORS = List.of("0", "1", "2", "3", "4");
    static final RoleQuestion ROLE = new RoleQuestion(RoleCode.OUT_OF_HOURS, 2, 8, "", "", null, ANCHORS, ANCHORS, List.of(ROTA, FEE, SHIFTS));

    @Test
    void theNewScalesAcceptTheirOwnChoicesOnly() {
        for (Choice c : Choice.of(AnswerType.REPORT_FREQUENCY)) {
            assertThat(AnswerValidator.validate(ROLE, input(Map.of("rota", AnswerValue.of(c))))).containsKey("rota");
        }
        for (Choice c : Choice.of(AnswerType.OUT_OF_HOURS_FEE)) {
            assertThat(AnswerValidator.validate(ROLE, input(Map.of("fee", AnswerValue.of(c))))).containsKey("fee");
        }
        assertThatThrownBy(() -> AnswerValidator.validate(ROLE, input(Map.of("rota", AnswerValue.of(Choice.PROVIDED),
                "fee", AnswerValue.of(Choice.UNKNOWN), "shifts", AnswerValue.of(Choice.FREQ_1)))))
                .isInstanceOfSatisfying(FieldErrors.class, e -> assertThat(e.errors()).hasSize(3));
        assertThatThrownBy(() -> AnswerValidator.validate(ROLE, input(Map.of("rota", AnswerValue.of(BigDecimal.ONE)))))
                .isInstanceOf(FieldErrors.class);
    }

    @Test
    void aStoredAnswerIsCarriedOnlyIfTheIndicatorStillAcceptsIt() {
        assertThat(AnswerValidator.accepts(ROTA, IndicatorValue.choice(Choice.FREQ_2_3))).isTrue();
        assertThat(AnswerValidator.accepts(ROTA, IndicatorValue.choice(Choice.PROVIDED))).isFalse();
        // a choice the later version no longer offers (不明 dropped) is left behind
        Indicator withUnknown = indicator("x", AnswerType.YES_NO, null, List.of(Choice.UNKNOWN));
        Indicator without = indicator("x", AnswerType.YES_NO, null, List.of());
        assertThat(AnswerValidator.accepts(withUnknown, IndicatorValue.choice(Choice.UNKNOWN))).isTrue();
        assertThat(AnswerValidator.accepts(without, IndicatorValue.choice(Choice.UNKNOWN))).isFalse();
        // a number outside the later range is left behind too
        assertThat(AnswerValidator.accepts(SHIFTS, IndicatorValue.number(BigDecimal.valueOf(366)))).isTrue();
        assertThat(AnswerValidator.accepts(SHIFTS, IndicatorValue.number(BigDecimal.valueOf(1001)))).isFalse();
        assertThat(AnswerValidator.accepts(SHIFTS, IndicatorValue.choice(Choice.YES))).isFalse();
        assertThat(AnswerValidator.accepts(SHIFTS, null)).isFalse();
    }

    private static RoleAnswerInput input(Map<String, AnswerValue> values) {
        return new RoleAnswerInput(2, false, null, values);
    }
}
