/**
 * Associations and their rollups over the JSON API. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.associations.api;

import org.jspecify.annotations.NullMarked;
