package jp.kakaritsuke.functionreport.domain;

/** How the report asks an item. */
public enum ItemAnswerType {
    /** One of the item's numbered choices (e.g. 0:無し(意向無し) … 7:有り(月10回以上)). */
    SINGLE_CHOICE,
    /** Any of the numbered choices (the 17 areas of 一次診療, the diseases); a choice marked exclusive stands alone. */
    MULTI_CHOICE,
    /** A number entered, with {@link ReportItem#decimals()} places (常勤換算 has one; counts none). */
    NUMBER,
    /** Free text (特記事項, other diseases). */
    TEXT,
    /** A list of names (連携医療機関の名称), one per entry. */
    NAME_LIST
}
