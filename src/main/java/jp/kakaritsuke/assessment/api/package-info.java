/**
 * Questionnaires and assessment rounds over the JSON API (docs/api.md). Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.assessment.api;

import org.jspecify.annotations.NullMarked;
