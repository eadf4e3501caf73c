/**
 * Case library screens. Internal to the module; the labels other pages share are
 * {@link jp.kakaritsuke.caselibrary.service.CaseLabels}.
 */
@NullMarked
package jp.kakaritsuke.caselibrary.ui;

import org.jspecify.annotations.NullMarked;
