package jp.kakaritsuke.peers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.facility.domain.Designation;
import org.junit.jupiter.api.Test;

/** The statistics against a plain computation (sort and count), the threshold, and the index's counting. */
class PeerStatisticsTest {

    @Test
    void quartilesAndPercentilesAgreeWithSortingAndCounting() {
        Random random = new Random(15);
        for (int run = 0; run < 2000; run++) {
            int n = 1 + random.nextInt(60);
            int[] levels = new int[n];
            int[] counts = new int[5];
            int top = 1 + random.nextInt(5); // sometimes only low levels
            for (int i = 0; i < n; i++) {
                levels[i] = random.nextInt(top);
                counts[levels[i]]++;
            }
            Integer own = random.nextInt(6) == 0 ? null : random.nextInt(5);
            RoleDistribution.Spread spread = PeerStatistics.spread(counts, own);
            if (n < PeerStatistics.THRESHOLD) {
                assertThat(spread).isNull();
                continue;
            }
            int[] sorted = levels.clone();
            Arrays.sort(sorted);
            assertThat(spread).isNotNull();
            assertThat(spread.count()).isEqualTo(n);
            assertThat(spread.q1()).isEqualTo(sorted[(int) Math.ceil(0.25 * n) - 1]);
            assertThat(spread.median()).isEqualTo(sorted[(int) Math.ceil(0.5 * n) - 1]);
            assertThat(spread.q3()).isEqualTo(sorted[(int) Math.ceil(0.75 * n) - 1]);
            if (own == null) {
                assertThat(spread.percentile()).isNull();
            } else {
                long below = Arrays.stream(sorted).filter(l -> l < own).count();
                long equal = Arrays.stream(sorted).filter(l -> l == own).count();
                long expected = Math.round((below + 0.5 * equal) / n * 100);
                assertThat(spread.percentile()).as("n=%d own=%d below=%d equal=%d", n, own, below, equal)
                        .isEqualTo((int) expected);
            }
        }
    }

    @Test
    void aGroupBelowTheThresholdShowsNothingAndDoesNotTellItsSize() {
        int[] histogram = PeerStatistics.histogram();
        for (int i = 0; i < PeerStatistics.THRESHOLD - 1; i++) {
            PeerStatistics.add(histogram, levels(2).packed());
        }
        PeerComparison c = PeerStatistics.compare(PeerComparison.Kind.CUSTOM, null, PeerStatistics.THRESHOLD - 1,
                histogram, levels(3));
        assertThat(c.withheld()).isEqualTo(PeerComparison.Withheld.TOO_FEW);
        assertThat(c.size()).isZero();
        assertThat(c.roles()).allMatch(r -> r.spread() == null);
        assertThat(c.roles()).allMatch(r -> r.facilityLevel() == 3);

        PeerStatistics.add(histogram, levels(4).packed());
        PeerComparison shown = PeerStatistics.compare(PeerComparison.Kind.CUSTOM, null, PeerStatistics.THRESHOLD,
                histogram, levels(3));
        assertThat(shown.withheld()).isNull();
        assertThat(shown.size()).isEqualTo(10);
        assertThat(shown.roles()).allSatisfy(r -> {
            assertThat(r.spread().count()).isEqualTo(10);
            assertThat(r.spread().median()).isEqualTo(2);
            assertThat(r.spread().percentile()).isEqualTo(90); // 9 below, none equal
        });
    }

    @Test
    void aRoleFewerThanTheThresholdAnsweredHasNoSpread() {
        int[] histogram = PeerStatistics.histogram();
        for (int i = 0; i < 12; i++) {
            RoleLevels l = levels(1);
            if (i >= 9) {
                l = l.withLevel(RoleCode.values()[0], null); // only 9 answered the first role
            }
            PeerStatistics.add(histogram, l.packed());
        }
        PeerComparison c = PeerStatistics.compare(PeerComparison.Kind.DEFAULT, null, 12, histogram, levels(1));
        assertThat(c.roles().get(0).spread()).isNull();
        assertThat(c.roles().get(1).spread().count()).isEqualTo(12);
    }

    @Test
    void theIndexCountsWhatAPlainFilterCounts() {
        Random random = new Random(16);
        PeerTable table = new PeerTable();
        Map<Long, PeerMember> rows = new HashMap<>();
        List<String> prefectures = List.of("北海道", "東京都", "千葉県", "高知県", "沖縄県");
        for (long id = 1; id <= 3000; id++) {
            FacilityKind kind = random.nextInt(4) == 0 ? FacilityKind.HOSPITAL : FacilityKind.CLINIC;
            int beds = kind == FacilityKind.HOSPITAL ? 20 + random.nextInt(600) : random.nextInt(3) == 0 ? random.nextInt(20) : 0;
            Set<Designation> ds = random.nextBoolean() ? Set.of(Designation.PRIMARY_CARE_FUNCTION_ENHANCEMENT) : Set.of();
            RoleLevels l = RoleLevels.EMPTY;
            for (RoleCode r : RoleCode.values()) {
                l = l.withLevel(r, random.nextInt(6) == 0 ? null : random.nextInt(5));
            }
            PeerMember m = new PeerMember(id, random.nextInt(10) < 6, null, null, id, null,
                    new PeerAttributes(kind, beds, AreaType.values()[random.nextInt(3)],
                            prefectures.get(random.nextInt(prefectures.size())), ds), l.packed(), id);
            rows.put(id, m);
            table.apply(m);
        }
        // withdraw some, consent others: the table follows the latest row
        for (long id = 1; id <= 3000; id += 7) {
            PeerMember m = rows.get(id);
            PeerMember changed = new PeerMember(id, !m.consenting(), null, null, m.latestRoundId(), null, m.attributes(),
                    m.profile(), 5000 + id);
            rows.put(id, changed);
            table.apply(changed);
        }
        List<PeerGroup> groups = new ArrayList<>(List.of(
                new PeerGroup(FacilityKind.CLINIC, null, null, null, null, Set.of()),
                new PeerGroup(FacilityKind.HOSPITAL, BedBand.HOSPITAL_200_399, AreaType.METROPOLITAN, null, null, Set.of()),
                new PeerGroup(FacilityKind.CLINIC, BedBand.CLINIC_WITH_BEDS, null, Region.KANTO, null, Set.of()),
                new PeerGroup(FacilityKind.CLINIC, null, AreaType.RURAL, null, "高知県",
                        Set.of(Designation.PRIMARY_CARE_FUNCTION_ENHANCEMENT))));
        for (PeerGroup g : groups) {
            int[] expected = PeerStatistics.histogram();
            int size = 0;
            for (PeerMember m : rows.values()) {
                if (m.counted() && g.matches(m.attributes())) {
                    size++;
                    PeerStatistics.add(expected, m.profile());
                }
            }
            PeerTable.Count count = table.count(g);
            assertThat(count.size()).as(g.toString()).isEqualTo(size).isPositive();
            assertThat(count.histogram()).isEqualTo(expected);
        }
        long consenting = rows.values().stream().filter(PeerMember::counted).count();
        assertThat(table.size()).isEqualTo((int) consenting);
    }

    @Test
    void theNearestAreTheClosestConsentingOfTheSameKindWithoutTheFacilityItself() {
        PeerTable table = new PeerTable();
        PeerAttributes self = new PeerAttributes(FacilityKind.CLINIC, 0, AreaType.RURAL, "高知県", Set.of());
        table.apply(member(1, true, self, levels(2)));
        for (long id = 2; id <= 80; id++) {
            // the first 40 like the facility, the rest far (another place, other levels)
            boolean near = id <= 41;
            table.apply(member(id, true, near ? self
                    : new PeerAttributes(FacilityKind.CLINIC, 19, AreaType.METROPOLITAN, "東京都", Set.of()),
                    levels(near ? 2 : 4)));
        }
        table.apply(member(100, false, self, levels(0))); // not consenting: never counted
        table.apply(member(101, true, new PeerAttributes(FacilityKind.HOSPITAL, 30, AreaType.RURAL, "高知県", Set.of()),
                levels(0))); // another kind
        PeerTable.Count count = table.nearest(1, self, levels(2), 50);
        assertThat(count.size()).isEqualTo(50);
        int first = RoleCode.values()[0].ordinal() * 5;
        assertThat(count.histogram()[first + 2]).isEqualTo(40); // every near one
        assertThat(count.histogram()[first + 4]).isEqualTo(10); // then the nearest of the far ones
        assertThat(count.histogram()[first]).isZero();
        // the same answer every time (ties broken by a hash, not by arrival)
        assertThat(table.nearest(1, self, levels(2), 50).histogram()).isEqualTo(count.histogram());
    }

    static PeerMember member(long id, boolean consenting, PeerAttributes a, RoleLevels l) {
        return new PeerMember(id, consenting, null, null, id, null, a, l.packed(), id);
    }

    static RoleLevels levels(int level) {
        RoleLevels l = RoleLevels.EMPTY;
        for (RoleCode r : RoleCode.values()) {
            l = l.withLevel(r, level);
        }
        return l;
    }
}
