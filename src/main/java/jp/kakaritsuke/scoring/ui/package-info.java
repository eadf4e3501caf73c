/** {@link jp.kakaritsuke.scoring.ui.RecommendationPanel} is embedded in the assessment's role profile. */
@org.springframework.modulith.NamedInterface("ui")
package jp.kakaritsuke.scoring.ui;
