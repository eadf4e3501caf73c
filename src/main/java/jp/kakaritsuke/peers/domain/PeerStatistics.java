package jp.kakaritsuke.peers.domain;

import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.jspecify.annotations.Nullable;

/**
 * The statistics of a group, from how many of its facilities gave each level of each role (docs/peers.md). Nothing
 * below the threshold: a group of fewer than {@link #THRESHOLD} consenting facilities gives no statistics (and its
 * size is not told); a role fewer than {@link #THRESHOLD} of them answered gives no spread.
 * <ul>
 * <li>Quartiles and the median are whole levels, by nearest rank: of the n levels sorted, the one at rank
 * ⌈p·n⌉ (1-based) for p = ¼, ½, ¾.</li>
 * <li>The facility's percentile rank is the mid-rank (below + ½·equal) / n · 100, rounded half up to a whole number.</li>
 * </ul>
 * Only these leave the module: no count per level, no minimum or maximum.
 */
public final class PeerStatistics {

    /** k: the fewest consenting facilities (of a group, and of those that answered a role) statistics are shown for. */
    public static final int THRESHOLD = 10;

    static final int LEVELS = 5;
    static final int ROLES = RoleCode.values().length;

    private PeerStatistics() {
    }

    /** A histogram to fill: {@code [role ordinal * 5 + level]}. */
    public static int[] histogram() {
        return new int[ROLES * LEVELS];
    }

    /** Adds a packed profile's levels (RoleLevels.packed()) to the histogram. */
    public static void add(int[] histogram, long packed) {
        for (int r = 0; r < ROLES; r++) {
            int level = RoleLevels.rawLevel(packed, r);
            if (level < LEVELS) {
                histogram[r * LEVELS + level]++;
            }
        }
    }

    /**
     * The comparison of {@code facility} (its round's levels) with a group of {@code size} consenting facilities
     * whose levels are counted in {@code histogram}.
     */
    public static PeerComparison compare(PeerComparison.Kind kind, @Nullable PeerGroup group, int size, int[] histogram,
                                         RoleLevels facility) {
        if (size < THRESHOLD) {
            return withheld(kind, group, PeerComparison.Withheld.TOO_FEW, facility);
        }
        List<RoleDistribution> roles = new ArrayList<>();
        for (RoleCode role : RoleCode.values()) {
            Integer level = facility.level(role).isPresent() ? facility.level(role).getAsInt() : null;
            int[] counts = new int[LEVELS];
            System.arraycopy(histogram, role.ordinal() * LEVELS, counts, 0, LEVELS);
            roles.add(new RoleDistribution(role, level, spread(counts, level)));
        }
        return new PeerComparison(kind, group, size, null, roles);
    }

    /** Nothing shown, for the reason given; the facility's own levels are still listed (size 0: not told). */
    public static PeerComparison withheld(PeerComparison.Kind kind, @Nullable PeerGroup group,
                                          PeerComparison.Withheld why, @Nullable RoleLevels facility) {
        List<RoleDistribution> roles = new ArrayList<>();
        if (facility != null) {
            for (RoleCode role : RoleCode.values()) {
                roles.add(new RoleDistribution(role,
                        facility.level(role).isPresent() ? facility.level(role).getAsInt() : null, null));
            }
        }
        return new PeerComparison(kind, group, 0, why, roles);
    }

    /**
     * One role's spread from the number of facilities at each level 0–4; null below the threshold.
     *
     * @param level the facility's level (null: it did not answer; then no percentile)
     */
    public static RoleDistribution.@Nullable Spread spread(int[] countsByLevel, @Nullable Integer level) {
        int n = 0;
        for (int c : countsByLevel) {
            n += c;
        }
        if (n < THRESHOLD) {
            return null;
        }
        Integer percentile = null;
        if (level != null) {
            int below = 0;
            for (int l = 0; l < level; l++) {
                below += countsByLevel[l];
            }
            // (below + equal/2) / n * 100, rounded half up, in integers: (200·below + 100·equal + n) / (2n)
            percentile = (int) ((200L * below + 100L * countsByLevel[level] + n) / (2L * n));
        }
        return new RoleDistribution.Spread(n, nearestRank(countsByLevel, n, 1, 4), nearestRank(countsByLevel, n, 1, 2),
                nearestRank(countsByLevel, n, 3, 4), percentile);
    }

    /** The level at rank ⌈(num/den)·n⌉ (1-based, at least 1) of the sorted levels. */
    static int nearestRank(int[] countsByLevel, int n, int num, int den) {
        int rank = Math.max(1, (int) ((num * (long) n + den - 1) / den));
        int seen = 0;
        for (int l = 0; l < countsByLevel.length; l++) {
            seen += countsByLevel[l];
            if (seen >= rank) {
                return l;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n);
    }
}
