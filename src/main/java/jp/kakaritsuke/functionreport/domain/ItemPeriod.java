package jp.kakaritsuke.functionreport.domain;

import java.time.LocalDate;

/**
 * The period an item's answer covers, relative to the report year (the January–March season it is filed in).
 * Confirmed (pref.ehime.jp/page/96314.html): 報告基準日 is 1 January of the report year; 前年度 items covered FY2024 in
 * the 2026 season; 前年 items the previous calendar year.
 */
public enum ItemPeriod {
    /** 前年の1月1日から12月31日まで */
    PREVIOUS_CALENDAR_YEAR,
    /** 前年度 (4月1日〜3月31日): in the 2026 season, 2024-04-01 to 2025-03-31 */
    PREVIOUS_FISCAL_YEAR,
    /** 報告基準日 (1月1日) 現在 */
    AS_OF_REFERENCE_DATE;

    /** The dates covered, inclusive; for {@link #AS_OF_REFERENCE_DATE} the reference date twice. */
    public Range range(int reportYear) {
        return switch (this) {
            case PREVIOUS_CALENDAR_YEAR -> new Range(LocalDate.of(reportYear - 1, 1, 1), LocalDate.of(reportYear - 1, 12, 31));
            case PREVIOUS_FISCAL_YEAR -> new Range(LocalDate.of(reportYear - 2, 4, 1), LocalDate.of(reportYear - 1, 3, 31));
            case AS_OF_REFERENCE_DATE -> new Range(LocalDate.of(reportYear, 1, 1), LocalDate.of(reportYear, 1, 1));
        };
    }

    public record Range(LocalDate from, LocalDate to) {
    }
}
