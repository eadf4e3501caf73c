package jp.kakaritsuke.assessment.domain;

/**
 * How a questionnaire version turns a role's answers into its score (docs/questionnaire.md). Stored per version:
 * a round is always scored by the rule of the version it was answered in.
 */
public enum ScoringRule {
    /** Version 1: 60 % level + 40 % mean credit of all the role's indicators, an unanswered one counting 0. */
    LEVEL_AND_ALL_INDICATORS,
    /**
     * Versions 2 and 3: the level alone (100 × L/4) while no indicator is answered; otherwise 60 % level + 40 % mean credit
     * over the answered indicators, 不明 / 該当なし left out.
     */
    LEVEL_AND_ANSWERED_INDICATORS
}
