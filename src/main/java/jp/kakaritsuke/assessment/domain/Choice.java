package jp.kakaritsuke.assessment.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The choices of the choice types, with the credit each earns in the score. {@link #UNKNOWN} and
 * {@link #NOT_APPLICABLE} belong to no type: an indicator offers them where いいえ would be a different claim
 * ({@link Indicator#choices()}); they earn no credit and are left out of the mean. Labels: {@code choice.<NAME>}.
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
    NOT_APPLICABLE(null, "0"),
    // The report's frequency scale (e.g. (イ) No.1 在宅当番医制への参加), report codes 0–7 in this order. Credits: intent
    // as on the three-step scale; taking part at all is half; monthly three quarters; twice a month or more full, since a
    // rota shares the load and more shifts are not more of the role for one facility (docs/questionnaire.md §10).
    /** 0: 無し(意向無し) */
    FREQ_NONE_NO_INTENT(AnswerType.REPORT_FREQUENCY, "0"),
    /** 1: 無し(意向有り) */
    FREQ_NONE_WITH_INTENT(AnswerType.REPORT_FREQUENCY, "0.25"),
    /** 2: 有り(月1回未満) */
    FREQ_UNDER_1(AnswerType.REPORT_FREQUENCY, "0.5"),
    /** 3: 有り(月1回) */
    FREQ_1(AnswerType.REPORT_FREQUENCY, "0.75"),
    /** 4: 有り(月2~3回) */
    FREQ_2_3(AnswerType.REPORT_FREQUENCY, "1"),
    /** 5: 有り(月4~5回) */
    FREQ_4_5(AnswerType.REPORT_FREQUENCY, "1"),
    /** 6: 有り(月6~9回) */
    FREQ_6_9(AnswerType.REPORT_FREQUENCY, "1"),
    /** 7: 有り(月10回以上) */
    FREQ_10_PLUS(AnswerType.REPORT_FREQUENCY, "1"),
    // 時間外対応加算 as notified to the regional bureau (2024 fee revision: 1 = 5 points … 4 = 1 point). Credit = the
    // fee's own points / 5, the fee schedule's own weighting of how much out-of-hours cover each tier demands.
    /** 届出なし */
    OOH_FEE_NONE(AnswerType.OUT_OF_HOURS_FEE, "0"),
    /** 時間外対応加算1 (5点): the clinic's own staff answer at all hours */
    OOH_FEE_1(AnswerType.OUT_OF_HOURS_FEE, "1"),
    /** 時間外対応加算2 (4点) */
    OOH_FEE_2(AnswerType.OUT_OF_HOURS_FEE, "0.8"),
    /** 時間外対応加算3 (3点) */
    OOH_FEE_3(AnswerType.OUT_OF_HOURS_FEE, "0.6"),
    /** 時間外対応加算4 (1点, new in 2024): cover through cooperating clinics */
    OOH_FEE_4(AnswerType.OUT_OF_HOURS_FEE, "0.2");

    private final AnswerType type;
    private final BigDecimal credit;

    Choice(AnswerType type, String credit) {
        this.type = type;
        this.credit = new BigDecimal(credit);
    }

    public BigDecimal credit() {
        return credit;
    }

    /** False for 不明 and 該当なし: an answer, but not a measure of the role, so it does not count in the mean. */
    public boolean counts() {
        return type != null;
    }

    /** The choices of a type's own scale, in the order the report (or the fee schedule) lists them; empty for NUMBER. */
    public static List<Choice> of(AnswerType type) {
        return Arrays.stream(values()).filter(c -> c.type == type).toList();
    }
}
