/**
 * Medical associations: the hierarchy (都道府県医師会 → 郡市区医師会), member facilities, association administrators,
 * consent, and rollups of the members' latest submitted assessments with small-cell suppression.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Associations")
@NullMarked
package jp.kakaritsuke.associations;

import org.jspecify.annotations.NullMarked;
