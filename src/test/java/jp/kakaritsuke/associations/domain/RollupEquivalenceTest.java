package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 rewrote the rollup's counting (packed profiles and arrays instead of strings and maps): on random member
 * sets (seeded; a few national-looking ones with thousands of members) it returns exactly what the calculator before
 * it returned ({@link LegacyRollupCalculator}, fed the same members as the old repository's rows, in the order the
 * old SQL gave them). Every submission rates all 14 roles, as every questionnaire asks them (a role without a level is
 * {@link RollupCalculatorTest}'s).
 */
class RollupEquivalenceTest {

    static final Association ASSOCIATION = new Association(7, "テスト県医師会", AssociationLevel.PREFECTURAL, "千葉県", null);
    static final List<String> ROLE_CODES = Arrays.stream(RoleCode.values()).map(RoleCode::name).toList();

    @Test
    void theNewCalculatorReturnsTheOldRollupOnRandomMembers() {
        Random random = new Random(14);
        int hidden = 0;
        for (int run = 0; run < 600; run++) {
            int size = run % 50 == 49 ? 1_000 + random.nextInt(4_000) : random.nextInt(60);
            hidden += compare(randomMembers(random, size), "run " + run);
        }
        assertThat(hidden).as("the runs exercised suppression").isGreaterThan(5_000);
    }

    /** Compares the two; returns how many figures were hidden. */
    static int compare(List<MemberState> members, String what) {
        List<MemberState> bySql = new ArrayList<>(members);
        bySql.sort(MemberState.LISTING); // the old SQL's ORDER BY municipality, name
        LegacyRollupCalculator.Result expected = LegacyRollupCalculator.rollup(ASSOCIATION, ROLE_CODES,
                bySql.stream().map(RollupEquivalenceTest::legacy).toList());
        LegacyRollupCalculator.Result actual = legacy(RollupCalculator.rollup(ASSOCIATION, members));
        assertThat(actual).as(what).isEqualTo(expected);
        int hidden = 0;
        for (LegacyRollupCalculator.RoleRollup r : actual.roles()) {
            hidden += (int) r.levels().stream().filter(Cell::suppressed).count();
        }
        return hidden;
    }

    static List<MemberState> randomMembers(Random random, int n) {
        int towns = 1 + random.nextInt(n > 100 ? 60 : 6);
        // skewed levels per role make small cells likely
        int[][] weights = new int[RoleCode.values().length][5];
        for (int[] w : weights) {
            for (int l = 0; l < 5; l++) {
                w[l] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(6);
            }
            w[random.nextInt(5)]++;
        }
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int t = random.nextInt(towns + 2);
            String town = t == towns ? null : t == towns + 1 ? (random.nextBoolean() ? "" : " ") : "第" + t + "区";
            int state = random.nextInt(10);
            boolean submitted = state < 6;
            boolean draft = !submitted ? state < 8 : random.nextInt(6) == 0;
            boolean consent = random.nextInt(3) == 0;
            long latest = MemberState.NONE;
            long previous = MemberState.NONE;
            boolean previousPriorities = true;
            if (submitted) {
                latest = profile(random, weights);
                if (random.nextInt(3) > 0) {
                    previous = profile(random, weights);
                    previousPriorities = random.nextInt(5) > 0;
                }
            }
            members.add(new MemberState(10_000 + random.nextInt(1_000_000), consent ? "施設" + random.nextInt(n + 1) : null,
                    town, consent, draft, submitted ? Instant.ofEpochSecond(1_700_000_000L + i) : null,
                    submitted ? (long) i : null, latest, previous, previousPriorities));
        }
        return members;
    }

    static long profile(Random random, int[][] weights) {
        RoleLevels l = RoleLevels.EMPTY;
        for (RoleCode role : RoleCode.values()) {
            l = l.withLevel(role, pick(random, weights[role.ordinal()])).withPriority(role, random.nextInt(4) == 0);
        }
        return l.packed();
    }

    private static int pick(Random random, int[] weights) {
        int x = random.nextInt(Arrays.stream(weights).sum());
        for (int l = 0; l < weights.length; l++) {
            x -= weights[l];
            if (x < 0) {
                return l;
            }
        }
        return weights.length - 1;
    }

    /** The member as the old repository read it from facility and facility_assessment_state. */
    static LegacyRollupCalculator.MemberStatus legacy(MemberState m) {
        RoleLevels latest = m.latest() == MemberState.NONE ? null : RoleLevels.ofPacked(m.latest());
        RoleLevels previous = m.previous() == MemberState.NONE ? null : RoleLevels.ofPacked(m.previous());
        return new LegacyRollupCalculator.MemberStatus(m.facilityId(), m.name(), m.municipality(), m.consent(),
                m.lastSubmitted(), m.draft(), m.lastRoundId(), latest == null ? null : latest.levelsColumn(),
                latest == null ? null : latest.prioritiesColumn(), previous == null ? null : previous.levelsColumn(),
                previous == null || !m.previousPriorities() ? null : previous.prioritiesColumn());
    }

    /** The new rollup in the old one's shape (role codes as strings). */
    static LegacyRollupCalculator.Result legacy(Rollup r) {
        return new LegacyRollupCalculator.Result(r.associationId(), r.associationName(), r.prefecture(), r.members(),
                r.completeness(),
                r.roles().stream().map(x -> new LegacyRollupCalculator.RoleRollup(x.roleCode().name(), x.levels(),
                        x.atLeastThree(), x.priority(), x.improved(), x.declined(), x.newlyPrioritised(), x.priorityDropped()))
                        .toList(),
                r.municipalities().stream().map(m -> {
                    Map<String, Cell> coverage = new LinkedHashMap<>();
                    m.coverage().forEach((role, cell) -> coverage.put(role.name(), cell));
                    return new LegacyRollupCalculator.MunicipalityRollup(m.municipality(), m.facilities(), coverage,
                            m.gaps().stream().map(RoleCode::name).toList());
                }).toList(),
                r.identifiedMembers().stream().map(m -> {
                    Map<String, Integer> levels = new LinkedHashMap<>();
                    m.levels().forEach((role, level) -> levels.put(role.name(), level));
                    return new LegacyRollupCalculator.MemberRow(m.facilityId(), m.name(), m.municipality(), m.status(),
                            m.lastSubmitted(), m.lastRoundId(), levels);
                }).toList());
    }
}
