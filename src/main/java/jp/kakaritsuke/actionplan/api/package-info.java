/**
 * The action plan over the JSON API ({@code /api/v1/facilities/{id}/actions}, {@code /api/v1/actions/{id}}).
 * Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.actionplan.api;

import org.jspecify.annotations.NullMarked;
