/**
 * Excel reports (Apache POI): the facility report for boards, and the shared workbook plumbing that the association
 * rollup will stream with SXSSF. Building a report (what goes where) is kept apart from POI (how it is written).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
@NullMarked
package jp.kakaritsuke.reports;

import org.jspecify.annotations.NullMarked;
