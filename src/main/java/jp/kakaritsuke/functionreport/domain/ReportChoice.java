package jp.kakaritsuke.functionreport.domain;

/**
 * One numbered choice of an item, as the report numbers it. {@code fulfils}: the choice counts as 「実施している」/
 * 「実施できる」/「有り」 for the 1号 check and for "the function is present" (any 2号 item fulfilled); {@code exclusive}:
 * a MULTI_CHOICE choice that stands alone (0:該当無し).
 */
public record ReportChoice(int code, String labelJa, String labelEn, boolean fulfils, boolean exclusive) {
}
