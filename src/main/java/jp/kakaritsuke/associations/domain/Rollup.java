package jp.kakaritsuke.associations.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.jspecify.annotations.Nullable;

/**
 * An association's rollup over its members (and the members of the associations below it), built from each member's
 * latest submitted assessment. Every count is a {@link Cell}, hidden below 3 facilities and wherever the totals beside
 * it would give such a count away; members are listed by name only where they consented. Roles in {@link RoleCode}
 * order; in JSON a role is its code (e.g. {@code "HOME_CARE"}).
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
    public record RoleRollup(RoleCode roleCode, List<Cell> levels, Cell atLeastThree, Cell priority, Cell improved,
                             Cell declined, Cell newlyPrioritised, Cell priorityDropped) {
    }

    /**
     * Per municipality: members with a submitted round, and per role (every role, in {@link RoleCode} order) how many
     * are at level ≥ 3; {@code gaps}: the roles shown as 0.
     */
    public record MunicipalityRollup(String municipality, Cell facilities, Map<RoleCode, Cell> coverage, List<RoleCode> gaps) {
    }

    /**
     * A consenting member by name.
     *
     * @param profile its latest submitted levels and priorities; null when nothing was submitted
     */
    public record MemberRow(long facilityId, String name, @Nullable String municipality, Status status,
                            @Nullable Instant lastSubmitted, @Nullable Long lastRoundId,
                            @JsonIgnore @Nullable RoleLevels profile) {

        /**
         * The latest levels by role, every role in {@link RoleCode} order with null where none was given; empty when
         * nothing was submitted. In JSON {@code "levels": {"CLINIC_CLINIC": 3, ...}}.
         */
        @JsonProperty("levels")
        public Map<RoleCode, Integer> levels() {
            Map<RoleCode, Integer> result = new LinkedHashMap<>();
            if (profile != null) {
                for (RoleCode role : RoleCode.values()) {
                    result.put(role, profile.hasLevel(role) ? profile.levelOrZero(role) : null);
                }
            }
            return result;
        }
    }
}
