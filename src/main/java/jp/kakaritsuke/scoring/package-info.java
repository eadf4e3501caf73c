/**
 * Scoring: which published cases are most like a facility, and which practices fit its gaps and priorities, with
 * reasons. Pure in-memory model over the cached case library: no database round trip per recommendation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring")
@NullMarked
package jp.kakaritsuke.scoring;

import org.jspecify.annotations.NullMarked;
