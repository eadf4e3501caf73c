/**
 * What every feature's pages share: the main layout, error and refusal pages, the radar and bar charts, grids and
 * small helpers. The extension points between features' pages are in {@code base.ui.extension}.
 */
@NullMarked
package jp.kakaritsuke.base.ui;

import org.jspecify.annotations.NullMarked;
