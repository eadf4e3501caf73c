/**
 * Facilities (clinics, hospitals, associations), their people (editors, viewers) and invitations. Every service
 * method checks that the caller may touch the facility in question.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facilities")
@NullMarked
package jp.kakaritsuke.facility;

import org.jspecify.annotations.NullMarked;
