/**
 * The public case-library API (roles, cases, survey). Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.caselibrary.api;

import org.jspecify.annotations.NullMarked;
