/**
 * Writing .xlsx workbooks with Apache POI: the rules every workbook follows ({@link jp.kakaritsuke.base.xlsx.Xlsx})
 * and the report writer on top of them ({@link jp.kakaritsuke.base.xlsx.ReportWorkbook},
 * {@link jp.kakaritsuke.base.xlsx.ReportSheet}). Plumbing without feature knowledge, below every module that writes a
 * workbook (reports, functionreport), so none of them depends on another for it.
 */
@org.jspecify.annotations.NullMarked
package jp.kakaritsuke.base.xlsx;
