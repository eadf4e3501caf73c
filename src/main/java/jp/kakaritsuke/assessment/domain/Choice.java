package jp.kakaritsuke.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/** The choices of YES_NO and REPORT_SCALE indicators, with the credit each earns in the score. */
public enum Choice {
    YES(AnswerType.YES_NO, "1"),
    NO(AnswerType.YES_NO, "0"),
    /** 無し(意向無し) */
    NONE_NO_INTENT(AnswerType.REPORT_SCALE, "0"),
    /** 無し(意向有り): intent counts a little, so planning shows in the profile. */
    NONE_WITH_INTENT(AnswerType.REPORT_SCALE, "0.25"),
    /** 有り */
    PROVIDED(AnswerType.REPORT_SCALE, "1");

    private final AnswerType type;
    private final BigDecimal credit;

    Choice(AnswerType type, String credit) {
        this.type = type;
        this.credit = new BigDecimal(credit);
    }

    public AnswerType type() {
        return type;
    }

    public BigDecimal credit() {
        return credit;
    }

    /** The choices offered for a type, in the order the report lists them. */
    public static List<Choice> of(AnswerType type) {
        return switch (type) {
            case YES_NO -> List.of(YES, NO);
            case REPORT_SCALE -> List.of(NONE_NO_INTENT, NONE_WITH_INTENT, PROVIDED);
            case NUMBER -> List.of();
        };
    }
}
