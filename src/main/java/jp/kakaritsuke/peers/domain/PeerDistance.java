package jp.kakaritsuke.peers.domain;

import jp.kakaritsuke.caselibrary.domain.RoleLevels;

/**
 * How far apart two facilities of the same kind are, for the recommended peers (docs/peers.md gives the reasons):
 * the sum of four terms, each 0 (alike) to 1 (unlike), weighted.
 * <ul>
 * <li>beds ({@link #BEDS}): the difference of ln(1 + beds), a tenfold difference or more counting 1 (19 and 20 beds
 * are neighbours, 20 and 200 far apart);</li>
 * <li>area type ({@link #AREA}): 0 the same, ½ adjacent (大都市 / 地方都市 / 郡部), 1 otherwise or unknown;</li>
 * <li>place ({@link #PLACE}): 0 the same prefecture, ½ the same region, 1 otherwise;</li>
 * <li>role profile ({@link #PROFILE}): the mean difference of level over the roles both answered, divided by 4 (1
 * when they share no answered role).</li>
 * </ul>
 * The profile weighs most: the peers a facility learns from are those that do what it does.
 */
public final class PeerDistance {

    public static final double BEDS = 1.0;
    public static final double AREA = 1.0;
    public static final double PLACE = 1.0;
    public static final double PROFILE = 2.0;

    private static final double LN10 = Math.log(10);
    private static final int ROLES = PeerStatistics.ROLES;

    private PeerDistance() {
    }

    public static double logBeds(int beds) {
        return Math.log1p(Math.max(0, beds));
    }

    /** Beds term from the two ln(1 + beds). */
    static double beds(double logA, double logB) {
        return Math.min(1, Math.abs(logA - logB) / LN10);
    }

    /** Area term from the two area types' ordinals (-1: unknown). */
    static double area(int a, int b) {
        if (a < 0 || b < 0) {
            return 1;
        }
        int d = Math.abs(a - b);
        return d == 0 ? 0 : d == 1 ? 0.5 : 1;
    }

    /** Place term from prefecture indexes and region ordinals (-1: unknown). */
    static double place(int prefectureA, int regionA, int prefectureB, int regionB) {
        if (prefectureA >= 0 && prefectureA == prefectureB) {
            return 0;
        }
        return regionA >= 0 && regionA == regionB ? 0.5 : 1;
    }

    /** Profile term from two packed profiles. */
    static double profile(long a, long b) {
        int sum = 0;
        int shared = 0;
        for (int r = 0; r < ROLES; r++) {
            int la = RoleLevels.rawLevel(a, r);
            int lb = RoleLevels.rawLevel(b, r);
            if (la < 5 && lb < 5) {
                sum += Math.abs(la - lb);
                shared++;
            }
        }
        return shared == 0 ? 1 : sum / (4.0 * shared);
    }

    /** A deterministic order among equally distant peers that says nothing of their age (ids grow with it). */
    static long tieBreak(long self, long other) {
        long z = other * 0x9E3779B97F4A7C15L ^ self;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
