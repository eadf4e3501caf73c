/**
 * The 報告準備 page. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.functionreport.ui;

import org.jspecify.annotations.NullMarked;
