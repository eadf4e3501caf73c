/** Case library screens; {@link jp.kakaritsuke.caselibrary.ui.CaseLabels} is shared for source references. */
@org.springframework.modulith.NamedInterface("ui")
package jp.kakaritsuke.caselibrary.ui;
