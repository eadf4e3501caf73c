package jp.kakaritsuke.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The choices of YES_NO and REPORT_SCALE indicators, with the credit each earns in the score. {@link #UNKNOWN} and
 * {@link #NOT_APPLICABLE} belong to no type: an indicator offers them where いいえ would be a different claim
 * ({@link Indicator#choices()}); they earn no credit and are left out of the mean.
 */
public enum Choice {
    YES(AnswerType.YES_NO, "1"),
    NO(AnswerType.YES_NO, "0"),
    /** 無し(意向無し) */
    NONE_NO_INTENT(AnswerType.REPORT_SCALE, "0"),
    /** 無し(意向有り): intent counts a little, so planning shows in the profile. */
    NONE_WITH_INTENT(AnswerType.REPORT_SCALE, "0.25"),
    /** 有り */
    PROVIDED(AnswerType.REPORT_SCALE, "1"),
    /** 不明: the respondent does not know (e.g. what a partner organisation does). */
    UNKNOWN(null, "0"),
    /** 該当なし: the activity cannot apply to this respondent (e.g. hospital-to-hospital cooperation for a clinic). */
    NOT_APPLICABLE(null, "0");

    private final AnswerType type;
    private final BigDecimal credit;

    Choice(AnswerType type, String credit) {
        this.type = type;
        this.credit = new BigDecimal(credit);
    }

    /** The type whose scale this choice belongs to; null for 不明 and 該当なし, which an indicator may add to either. */
    public AnswerType type() {
        return type;
    }

    public BigDecimal credit() {
        return credit;
    }

    /** False for 不明 and 該当なし: an answer, but not a measure of the role, so it does not count in the mean. */
    public boolean counts() {
        return type != null;
    }

    /** The choices of a type's own scale, in the order the report lists them (without 不明 / 該当なし). */
    public static List<Choice> of(AnswerType type) {
        return switch (type) {
            case YES_NO -> List.of(YES, NO);
            case REPORT_SCALE -> List.of(NONE_NO_INTENT, NONE_WITH_INTENT, PROVIDED);
            case NUMBER -> List.of();
        };
    }
}
