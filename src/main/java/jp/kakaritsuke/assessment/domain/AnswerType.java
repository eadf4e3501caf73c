package jp.kakaritsuke.assessment.domain;

/**
 * How an indicator is answered. REPORT_SCALE and REPORT_FREQUENCY are the かかりつけ医機能報告's own scales (the
 * three-step 無し(意向無し)/無し(意向有り)/有り and the eight-step 0:無し(意向無し) … 7:有り(月10回以上)): from version 3 only
 * an indicator that IS the report's item uses them. OUT_OF_HOURS_FEE is the clinic's 時間外対応加算 notification (1〜4
 * since the 2024 fee revision). Each choice type's choices are {@link Choice#of(AnswerType)}.
 */
public enum AnswerType {
    YES_NO, NUMBER, REPORT_SCALE, REPORT_FREQUENCY, OUT_OF_HOURS_FEE
}
