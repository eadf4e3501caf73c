package jp.kakaritsuke.assessment.domain;

/**
 * The period an answer covers (version 3 states one for every indicator; versions 1 and 2 said 「過去1年」 in the hint
 * and have none). Relative to the day the round is answered. Labels: {@code questionnaire.v3.period.<NAME>}.
 */
public enum IndicatorPeriod {
    /** 前年の1月1日〜12月31日, as the report's 前年 items */
    PREVIOUS_CALENDAR_YEAR,
    /** 前年度 (4月1日〜3月31日) */
    PREVIOUS_FISCAL_YEAR,
    /** 現在: an arrangement as it stands when answering */
    CURRENT
}
