/**
 * Facility screens. Internal to the module: {@link jp.kakaritsuke.facility.ui.FacilityForm} reaches the
 * questionnaire through the extension point {@link jp.kakaritsuke.base.ui.extension.ProfileFormExtension}.
 */
@NullMarked
package jp.kakaritsuke.facility.ui;

import org.jspecify.annotations.NullMarked;
