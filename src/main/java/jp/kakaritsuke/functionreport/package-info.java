/**
 * Preparing the yearly かかりつけ医機能報告 (issue 12): the report's own items as versioned reference data
 * ({@link jp.kakaritsuke.functionreport.domain.ReportEdition}), a facility's preparation per report year, the 1号 check,
 * what the director takes to G-MIS, and the crosswalk between the 14 roles and the report's functions (ours, marked as
 * derived). The self-assessment feeds it through {@link jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers},
 * implemented by the assessment module, so this module does not depend on the assessment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Function report preparation")
@NullMarked
package jp.kakaritsuke.functionreport;

import org.jspecify.annotations.NullMarked;
