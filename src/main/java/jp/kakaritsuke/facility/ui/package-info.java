/** Facility screens; {@link jp.kakaritsuke.facility.ui.FacilityForm} is shared with the questionnaire's basics step. */
@org.springframework.modulith.NamedInterface("ui")
package jp.kakaritsuke.facility.ui;
