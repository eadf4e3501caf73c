package jp.kakaritsuke.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An association's rollup over its members (and the members of the associations below it), built from each member's
 * latest submitted assessment. Every count is a {@link Cell}, hidden below 3 facilities and wherever the totals beside
 * it would give such a count away; members are listed by name only where they consented.
 */
public record Rollup(long associationId, String associationName, String prefecture, int members, Completeness completeness,
                     List<RoleRollup> roles, List<MunicipalityRollup> municipalities, List<MemberRow> identifiedMembers) {

    public enum Status { NOT_STARTED, IN_PROGRESS, SUBMITTED }

    /**
     * The members by status; the three add up to {@code members}, so they are protected together with the rest of
     * the page ({@link Suppression}), never cell by cell.
     */
    public record Completeness(Cell notStarted, Cell inProgress, Cell submitted) {
    }

    /**
     * Per role: how many members are at each level 0–4, how many at level ≥ 3, how many prioritise it, and among the
     * members with two submissions how many rose or fell since the previous one.
     */
    public record RoleRollup(String roleCode, List<Cell> levels, Cell atLeastThree, Cell priority, Cell improved,
                             Cell declined, Cell newlyPrioritised, Cell priorityDropped) {
    }

    /** Per municipality: members with a submitted round, and per role how many are at level ≥ 3 (0 = a gap). */
    public record MunicipalityRollup(String municipality, Cell facilities, Map<String, Cell> coverage, List<String> gaps) {
    }

    public record MemberRow(long facilityId, String name, String municipality, Status status, Instant lastSubmitted,
                            Long lastRoundId, Map<String, Integer> levels) {
    }
}
