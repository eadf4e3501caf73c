/**
 * Internal to the module: {@link jp.kakaritsuke.scoring.ui.RecommendationPanel} reaches the assessment's result
 * page through the extension point {@link jp.kakaritsuke.base.ui.extension.RecommendationExtension}.
 */
@NullMarked
package jp.kakaritsuke.scoring.ui;

import org.jspecify.annotations.NullMarked;
