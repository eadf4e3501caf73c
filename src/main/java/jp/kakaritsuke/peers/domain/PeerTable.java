package jp.kakaritsuke.peers.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.Prefectures;
import org.jspecify.annotations.Nullable;

/**
 * The facilities that count in peer statistics (consenting, submitted), in compact parallel arrays — a nation of
 * 100,000 is a few megabytes and a group is counted in one pass of a few milliseconds. Not thread-safe: its holder
 * (peers.service's index) guards it.
 */
public final class PeerTable {

    /** What a group or the recommended peers count: how many, and their levels per role. */
    public record Count(int size, int[] histogram) {
    }

    private final Map<Long, Integer> slots = new HashMap<>();
    private int n;
    private long[] ids = new long[0];
    private long[] profiles = new long[0];
    private byte[] kinds = new byte[0];
    private byte[] bands = new byte[0];
    private byte[] areas = new byte[0];
    private byte[] prefectures = new byte[0];
    private byte[] regions = new byte[0];
    private int[] designations = new int[0];
    private double[] logBeds = new double[0];

    public int size() {
        return n;
    }

    /** Takes in a row as it is now: kept if it counts, dropped if it no longer does. */
    public void apply(PeerMember member) {
        PeerAttributes a = member.attributes();
        Long profile = member.profile();
        if (!member.counted() || a == null || profile == null) {
            remove(member.facilityId());
            return;
        }
        Integer slot = slots.get(member.facilityId());
        int s;
        if (slot == null) {
            grow();
            s = n++;
            slots.put(member.facilityId(), s);
        } else {
            s = slot;
        }
        ids[s] = member.facilityId();
        profiles[s] = profile;
        kinds[s] = (byte) a.kind().ordinal();
        bands[s] = (byte) band(a);
        areas[s] = (byte) (a.areaType() == null ? -1 : a.areaType().ordinal());
        prefectures[s] = (byte) Prefectures.ALL.indexOf(a.prefecture());
        Region region = a.region();
        regions[s] = (byte) (region == null ? -1 : region.ordinal());
        designations[s] = bits(a.designations());
        logBeds[s] = PeerDistance.logBeds(a.bedsTotal());
    }

    public boolean contains(long facilityId) {
        return slots.containsKey(facilityId);
    }

    /** The consenting facilities of the group and their levels. */
    public Count count(PeerGroup group) {
        int kind = group.kind().ordinal();
        int band = group.bedBand() == null ? -1 : group.bedBand().ordinal();
        int area = group.areaType() == null ? -1 : group.areaType().ordinal();
        int region = group.region() == null ? -1 : group.region().ordinal();
        int prefecture = group.prefecture() == null ? -1 : Prefectures.ALL.indexOf(group.prefecture());
        if (group.prefecture() != null && prefecture < 0) {
            return new Count(0, PeerStatistics.histogram());
        }
        int required = bits(group.designations());
        int[] histogram = PeerStatistics.histogram();
        int size = 0;
        for (int s = 0; s < n; s++) {
            if (kinds[s] == kind && (band < 0 || bands[s] == band) && (area < 0 || areas[s] == area)
                    && (region < 0 || regions[s] == region) && (prefecture < 0 || prefectures[s] == prefecture)
                    && (designations[s] & required) == required) {
                size++;
                PeerStatistics.add(histogram, profiles[s]);
            }
        }
        return new Count(size, histogram);
    }

    /**
     * The {@code limit} consenting facilities of the same kind nearest to the facility by {@link PeerDistance}, the
     * facility itself left out; ties by {@link PeerDistance#tieBreak}.
     */
    public Count nearest(long facilityId, PeerAttributes facility, RoleLevels levels, int limit) {
        int kind = facility.kind().ordinal();
        double beds = PeerDistance.logBeds(facility.bedsTotal());
        int area = facility.areaType() == null ? -1 : facility.areaType().ordinal();
        int prefecture = Prefectures.ALL.indexOf(facility.prefecture());
        Region r = facility.region();
        int region = r == null ? -1 : r.ordinal();
        long profile = levels.packed();
        // a max-heap of the best so far: the root is the farthest of them, replaced by anything nearer
        double[] heapD = new double[limit];
        long[] heapT = new long[limit];
        int[] heapS = new int[limit];
        int h = 0;
        for (int s = 0; s < n; s++) {
            if (kinds[s] != kind || ids[s] == facilityId) {
                continue;
            }
            double d = PeerDistance.BEDS * PeerDistance.beds(beds, logBeds[s])
                    + PeerDistance.AREA * PeerDistance.area(area, areas[s])
                    + PeerDistance.PLACE * PeerDistance.place(prefecture, region, prefectures[s], regions[s])
                    + PeerDistance.PROFILE * PeerDistance.profile(profile, profiles[s]);
            long t = PeerDistance.tieBreak(facilityId, ids[s]);
            if (h < limit) {
                heapD[h] = d;
                heapT[h] = t;
                heapS[h] = s;
                up(heapD, heapT, heapS, h++);
            } else if (farther(heapD[0], heapT[0], d, t)) {
                heapD[0] = d;
                heapT[0] = t;
                heapS[0] = s;
                down(heapD, heapT, heapS, h);
            }
        }
        int[] histogram = PeerStatistics.histogram();
        for (int i = 0; i < h; i++) {
            PeerStatistics.add(histogram, profiles[heapS[i]]);
        }
        return new Count(h, histogram);
    }

    /** Whether (d1, t1) lies farther than (d2, t2). */
    private static boolean farther(double d1, long t1, double d2, long t2) {
        return d1 > d2 || d1 == d2 && t1 > t2;
    }

    private static void up(double[] d, long[] t, int[] s, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!farther(d[i], t[i], d[parent], t[parent])) {
                return;
            }
            swap(d, t, s, i, parent);
            i = parent;
        }
    }

    private static void down(double[] d, long[] t, int[] s, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int largest = i;
            if (l < size && farther(d[l], t[l], d[largest], t[largest])) {
                largest = l;
            }
            if (r < size && farther(d[r], t[r], d[largest], t[largest])) {
                largest = r;
            }
            if (largest == i) {
                return;
            }
            swap(d, t, s, i, largest);
            i = largest;
        }
    }

    private static void swap(double[] d, long[] t, int[] s, int i, int j) {
        double dd = d[i];
        d[i] = d[j];
        d[j] = dd;
        long tt = t[i];
        t[i] = t[j];
        t[j] = tt;
        int ss = s[i];
        s[i] = s[j];
        s[j] = ss;
    }

    private void remove(long facilityId) {
        Integer slot = slots.remove(facilityId);
        if (slot == null) {
            return;
        }
        int s = slot;
        int last = --n;
        if (s != last) { // the last row moves into the hole
            ids[s] = ids[last];
            profiles[s] = profiles[last];
            kinds[s] = kinds[last];
            bands[s] = bands[last];
            areas[s] = areas[last];
            prefectures[s] = prefectures[last];
            regions[s] = regions[last];
            designations[s] = designations[last];
            logBeds[s] = logBeds[last];
            slots.put(ids[s], s);
        }
    }

    private void grow() {
        if (n < ids.length) {
            return;
        }
        int capacity = Math.max(1024, ids.length * 3 / 2);
        ids = Arrays.copyOf(ids, capacity);
        profiles = Arrays.copyOf(profiles, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        bands = Arrays.copyOf(bands, capacity);
        areas = Arrays.copyOf(areas, capacity);
        prefectures = Arrays.copyOf(prefectures, capacity);
        regions = Arrays.copyOf(regions, capacity);
        designations = Arrays.copyOf(designations, capacity);
        logBeds = Arrays.copyOf(logBeds, capacity);
    }

    /** The bed band; -1 where none fits (an association; a clinic with more beds than a clinic may have). */
    private static int band(PeerAttributes a) {
        for (BedBand b : BedBand.values()) {
            if (b.kind() == a.kind() && b.fits(a.bedsTotal())) {
                return b.ordinal();
            }
        }
        return -1;
    }

    private static int bits(java.util.Set<Designation> set) {
        int bits = 0;
        for (Designation d : set) {
            bits |= 1 << d.ordinal();
        }
        return bits;
    }

    /** For tests: the row a facility has here, null if it does not count. */
    public @Nullable Long profileOf(long facilityId) {
        Integer s = slots.get(facilityId);
        return s == null ? null : profiles[s];
    }
}
