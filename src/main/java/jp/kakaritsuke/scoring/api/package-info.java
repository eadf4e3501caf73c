/**
 * {@code POST /api/v1/recommendations}. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.scoring.api;

import org.jspecify.annotations.NullMarked;
