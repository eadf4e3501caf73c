/**
 * {@link jp.kakaritsuke.actionplan.ui.ActionPlanPanel}, {@link jp.kakaritsuke.actionplan.ui.ActionDialog} and
 * {@link jp.kakaritsuke.actionplan.ui.ActionFollowUp} are embedded in the assessment's pages.
 */
@org.springframework.modulith.NamedInterface("ui")
package jp.kakaritsuke.actionplan.ui;
