/**
 * Internal to the module: {@link jp.kakaritsuke.actionplan.ui.ActionPlanPanel},
 * {@link jp.kakaritsuke.actionplan.ui.ActionDialog} and {@link jp.kakaritsuke.actionplan.ui.ActionFollowUp} reach the
 * assessment's pages through the extension point {@link jp.kakaritsuke.base.ui.extension.ActionPlanExtension}.
 */
@NullMarked
package jp.kakaritsuke.actionplan.ui;

import org.jspecify.annotations.NullMarked;
