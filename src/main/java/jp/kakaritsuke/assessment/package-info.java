/**
 * Self-assessment: the versioned questionnaire on the 14 roles, assessment rounds (draft → submitted), autosaved
 * answers with optimistic locking per role, and the role profile (scores by the formula in docs/questionnaire.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
@NullMarked
package jp.kakaritsuke.assessment;

import org.jspecify.annotations.NullMarked;
