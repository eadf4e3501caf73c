package jp.kakaritsuke.associations.domain;

import java.time.Instant;
import java.util.Comparator;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.jspecify.annotations.Nullable;

/**
 * A member facility as the rollup and a round's completeness count it, from associations' read model
 * ({@code member_state}, {@link MemberStateRepository}; held in memory by every node). The role profiles are {@link RoleLevels#packed()} longs, so a
 * national rollup keeps 100,000 of them without allocating per role.
 *
 * @param name the facility's name where it consented to be identified; null otherwise (never read, so never shown)
 * @param municipality as recorded (null or blank: none; {@link RollupCalculator#municipality} groups those)
 * @param draft a round is being answered (started and not submitted since)
 * @param lastSubmitted when the latest round was submitted; null if never (a round's progress compares it with its
 *                      opening; shown only for a member that consented)
 * @param lastRoundId the latest submitted round (the assessment's id); null if nothing was submitted, and for a member
 *                    that did not consent
 * @param latest the packed profile of the latest submission, {@link #NONE} if nothing was submitted
 * @param previous the packed profile of the submission before it, {@link #NONE} if there was none
 * @param previousPriorities whether {@code previous} carries the priorities (false for a submission before
 *                           changeset 011, whose priorities were not kept: not compared)
 */
public record MemberState(long facilityId, @Nullable String name, @Nullable String municipality, boolean consent,
                          boolean draft, @Nullable Instant lastSubmitted, @Nullable Long lastRoundId, long latest,
                          long previous, boolean previousPriorities) {

    /** No profile (a packed profile is never negative). */
    public static final long NONE = -1L;

    /**
     * The order members are listed in by name (the consenting ones): municipality, then name (both as strings, none
     * first), then id.
     */
    public static final Comparator<MemberState> LISTING = Comparator
            .comparing(MemberState::municipality, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(MemberState::name, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingLong(MemberState::facilityId);

    /** Whether the member has submitted a round (its latest profile is kept with it, in one statement). */
    public boolean submitted() {
        return latest != NONE;
    }

    /** The latest submitted profile; null when nothing was submitted. */
    public @Nullable RoleLevels profile() {
        return latest == NONE ? null : RoleLevels.ofPacked(latest);
    }
}
