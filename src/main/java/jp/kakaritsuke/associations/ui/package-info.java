/**
 * Association pages: the list, rollups, staff, member import, report readiness, invitations. Internal to the
 * module.
 */
@NullMarked
package jp.kakaritsuke.associations.ui;

import org.jspecify.annotations.NullMarked;
