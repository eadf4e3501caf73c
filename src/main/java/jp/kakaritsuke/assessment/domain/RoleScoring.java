package jp.kakaritsuke.assessment.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The role score of docs/questionnaire.md:
 * {@code score = round(100 × (0.6 × L/4 + 0.4 × I))}, L the level 0–4, I the mean credit of the role's indicators
 * (unanswered = 0; YES_NO 1/0; REPORT_SCALE 有り 1, 無し(意向有り) 0.25, 無し(意向無し) 0; NUMBER min(value/fullCredit, 1)).
 * No level, no score. A role without indicators scores on its level alone.
 */
public final class RoleScoring {

    static final double LEVEL_WEIGHT = 0.6;
    static final double INDICATOR_WEIGHT = 0.4;

    private RoleScoring() {
    }

    public static Integer score(RoleQuestion question, Integer level, Map<String, IndicatorValue> answers) {
        if (level == null) {
            return null;
        }
        double levelPart = (double) level / RoleQuestion.MAX_LEVEL;
        if (question.indicators().isEmpty()) {
            return (int) Math.round(100 * levelPart);
        }
        double indicatorPart = question.indicators().stream()
                .mapToDouble(i -> credit(i, answers.get(i.code())))
                .average().orElse(0);
        return (int) Math.round(100 * (LEVEL_WEIGHT * levelPart + INDICATOR_WEIGHT * indicatorPart));
    }

    /** Credit 0–1 of one indicator answer. */
    public static double credit(Indicator indicator, IndicatorValue value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        return switch (indicator.type()) {
            case YES_NO, REPORT_SCALE -> value.getChoice() == null ? 0 : value.getChoice().credit().doubleValue();
            case NUMBER -> {
                if (value.getNumber() == null || indicator.fullCredit() == null || indicator.fullCredit() <= 0) {
                    yield 0;
                }
                BigDecimal ratio = value.getNumber().divide(BigDecimal.valueOf(indicator.fullCredit()), MathContext.DECIMAL64);
                yield Math.max(0, Math.min(1, ratio.doubleValue()));
            }
        };
    }
}
