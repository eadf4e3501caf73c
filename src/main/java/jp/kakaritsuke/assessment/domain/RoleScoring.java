package jp.kakaritsuke.assessment.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * The role score of docs/questionnaire.md, by the rule of the questionnaire version:
 * <ul>
 * <li>{@link ScoringRule#LEVEL_AND_ALL_INDICATORS} (version 1):
 * {@code score = round(100 × (0.6 × L/4 + 0.4 × I))}, L the level 0–4, I the mean credit of all the role's indicators
 * (unanswered = 0).</li>
 * <li>{@link ScoringRule#LEVEL_AND_ANSWERED_INDICATORS} (version 2): {@code round(100 × L/4)} while no indicator is
 * answered; otherwise the same formula with I the mean over the answered indicators, 不明 / 該当なし left out.</li>
 * </ul>
 * Credits: YES_NO 1/0; REPORT_SCALE 有り 1, 無し(意向有り) 0.25, 無し(意向無し) 0; REPORT_FREQUENCY and OUT_OF_HOURS_FEE
 * as {@link Choice#credit()}; NUMBER min(value/fullCredit, 1). Version 3 scores by version 2's rule; its indicators
 * are those of the facility's audience ({@link RoleQuestion#forFacility}), and as only answered ones count, an
 * indicator a facility is not asked never lowers its score.
 * No level, no score. A role without indicators scores on its level alone.
 */
public final class RoleScoring {

    static final double LEVEL_WEIGHT = 0.6;
    static final double INDICATOR_WEIGHT = 0.4;

    private RoleScoring() {
    }

    /** Version 1's rule (kept for callers that score v1 answers). */
    public static Integer score(RoleQuestion question, Integer level, Map<String, IndicatorValue> answers) {
        return score(ScoringRule.LEVEL_AND_ALL_INDICATORS, question, level, answers);
    }

    public static Integer score(ScoringRule rule, RoleQuestion question, Integer level, Map<String, IndicatorValue> answers) {
        if (level == null) {
            return null;
        }
        double levelPart = (double) level / RoleQuestion.MAX_LEVEL;
        List<Indicator> counted = switch (rule) {
            case LEVEL_AND_ALL_INDICATORS -> question.indicators();
            case LEVEL_AND_ANSWERED_INDICATORS -> question.indicators().stream()
                    .filter(i -> counts(answers.get(i.code()))).toList();
        };
        if (counted.isEmpty()) {
            return (int) Math.round(100 * levelPart);
        }
        double indicatorPart = counted.stream()
                .mapToDouble(i -> credit(i, answers.get(i.code())))
                .average().orElse(0);
        return (int) Math.round(100 * (LEVEL_WEIGHT * levelPart + INDICATOR_WEIGHT * indicatorPart));
    }

    /**
     * Whether the role was answered in detail: at least one indicator answered with a value that counts (不明 /
     * 該当なし alone do not: under version 2 such a role scores on its level alone, and the result page must not
     * call that score detailed).
     */
    public static boolean detailed(RoleQuestion question, Map<String, IndicatorValue> answers) {
        return question.indicators().stream().anyMatch(i -> counts(answers.get(i.code())));
    }

    /** An answer that measures the role: given, and not 不明 / 該当なし. */
    static boolean counts(IndicatorValue value) {
        return value != null && !value.isEmpty() && (value.getChoice() == null || value.getChoice().counts());
    }

    /** Credit 0–1 of one indicator answer. */
    public static double credit(Indicator indicator, IndicatorValue value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        return switch (indicator.type()) {
            case YES_NO, REPORT_SCALE, REPORT_FREQUENCY, OUT_OF_HOURS_FEE ->
                    value.getChoice() == null ? 0 : value.getChoice().credit().doubleValue();
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
