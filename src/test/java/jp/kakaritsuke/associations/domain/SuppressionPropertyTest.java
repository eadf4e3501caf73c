package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.junit.jupiter.api.Test;

/**
 * Over hundreds of random member sets (seeded), a reader who knows every shown figure, every sum the page implies and
 * the association's member counts — but not which hidden figure is which, since all read 「x」 — cannot pin any
 * sensitive figure: a hidden count of 1 or 2, or a figure never shown that follows by subtraction and is 1 or 2.
 * (A hidden 0 may be pinned, by a total of 0: that says "none" of every member at once.) An exact solver (bounds propagation and search over whole numbers 0..members) must find
 * at least one other value consistent with everything shown.
 * <p>
 * Why "another value" and not "a value of 3 or more": the rule always told the reader that a hidden count is small
 * (「<3」); what it must never allow is telling exactly how many — above all "exactly one" — of a group.
 */
class SuppressionPropertyTest {

    /**
     * The roles the random members rate (the others they leave without a level, as a questionnaire without them
     * would): three keep the exact solver quick. The figures of the other roles say nothing of these (every one of
     * them is 0 and what is missing is never shown), so the reader below leaves them out.
     */
    static final List<RoleCode> ROLES = List.of(RoleCode.CLINIC_CLINIC, RoleCode.CLINIC_HOSPITAL, RoleCode.HOSPITAL_HOSPITAL);
    static final String[] TOWNS = {"柏市", "松戸市", "流山市"};
    static final Association ASSOCIATION = new Association(1, "テスト医師会", AssociationLevel.MUNICIPAL, "千葉県", null);

    @Test
    void noHiddenFigureOfTheRollupCanBeWorkedOut() {
        Random random = new Random(20261201);
        int sensitiveChecked = 0;
        for (int run = 0; run < 500; run++) {
            List<MemberState> members = randomMembers(random);
            Rollup rollup = RollupCalculator.rollup(ASSOCIATION, members);
            sensitiveChecked += new RollupReader(members, rollup).assertNothingPinned(run);
        }
        assertThat(sensitiveChecked).as("the runs exercised hidden figures").isGreaterThan(1000);
    }

    @Test
    void noHiddenFigureOfARoundsCompletenessCanBeWorkedOut() {
        Random random = new Random(7);
        int sensitiveChecked = 0;
        for (int run = 0; run < 500; run++) {
            int towns = 1 + random.nextInt(3);
            List<int[]> rows = new ArrayList<>();
            int[] total = new int[4];
            for (int t = 0; t < towns; t++) {
                int members = random.nextInt(9);
                int submitted = random.nextInt(members + 1);
                int inProgress = random.nextInt(members - submitted + 1);
                int notRegistered = random.nextInt(members - submitted - inProgress + 1);
                int[] row = {members, submitted, inProgress, notRegistered};
                rows.add(row);
                for (int i = 0; i < 4; i++) {
                    total[i] += row[i];
                }
            }
            ProtectedTable<CompletenessTable.Row> result = CompletenessTable.protect(total, rows);
            Solver s = new Solver(total[0]);
            int[] totalVars = completenessVars(s, total, result.total());
            int[][] rowVars = new int[rows.size()][];
            for (int t = 0; t < rows.size(); t++) {
                rowVars[t] = completenessVars(s, rows.get(t), result.rows().get(t));
            }
            for (int k = 0; k < 5; k++) {
                int[] parts = new int[rows.size()];
                for (int t = 0; t < rows.size(); t++) {
                    parts[t] = rowVars[t][k];
                }
                s.sum(totalVars[k], parts);
            }
            sensitiveChecked += s.assertNothingPinned("round run " + run);
        }
        assertThat(sensitiveChecked).isGreaterThan(300);
    }

    /** Variables [submitted, in progress, not started, not registered, registered-not-started] of one row. */
    private static int[] completenessVars(Solver s, int[] c, CompletenessTable.Row row) {
        int members = s.known(c[0]);
        int notStarted = c[0] - c[1] - c[2];
        int submitted = s.cell(c[1], c[0], row.completeness().submitted());
        int inProgress = s.cell(c[2], c[0], row.completeness().inProgress());
        int notStartedVar = s.cell(notStarted, c[0], row.completeness().notStarted());
        int notRegistered = s.cell(c[3], c[0], row.notRegistered());
        int registered = s.implicit(notStarted - c[3]);
        s.sum(members, submitted, inProgress, notStartedVar);
        s.sum(notStartedVar, notRegistered, registered);
        return new int[] {submitted, inProgress, notStartedVar, notRegistered, registered};
    }

    static List<MemberState> randomMembers(Random random) {
        int n = random.nextInt(22);
        int towns = 1 + random.nextInt(TOWNS.length);
        // skewed levels make small cells likely
        int[][] weights = new int[ROLES.size()][5];
        for (int[] w : weights) {
            for (int l = 0; l < 5; l++) {
                w[l] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(6);
            }
            w[random.nextInt(5)]++;
        }
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String town = TOWNS[random.nextInt(towns)];
            int state = random.nextInt(10);
            boolean submitted = state < 6;
            boolean draft = !submitted ? state < 8 : random.nextInt(6) == 0;
            long profile = MemberState.NONE;
            if (submitted) {
                RoleLevels l = RoleLevels.EMPTY;
                for (int r = 0; r < ROLES.size(); r++) {
                    l = l.withLevel(ROLES.get(r), pick(random, weights[r])).withPriority(ROLES.get(r), random.nextInt(3) == 0);
                }
                profile = l.packed();
            }
            members.add(new MemberState(i + 1, null, town, false, draft, submitted ? Instant.EPOCH : null,
                    submitted ? (long) i : null, profile, MemberState.NONE, true));
        }
        return members;
    }

    private static int pick(Random random, int[] weights) {
        int sum = Arrays.stream(weights).sum();
        int x = random.nextInt(sum);
        for (int l = 0; l < weights.length; l++) {
            x -= weights[l];
            if (x < 0) {
                return l;
            }
        }
        return weights.length - 1;
    }

    /** The reader's view of a rollup: its shown figures and the sums a reader knows, as a system to solve. */
    static final class RollupReader {
        final Solver s;

        RollupReader(List<MemberState> members, Rollup rollup) {
            int m = members.size();
            s = new Solver(m);
            int submitted = (int) members.stream().filter(x -> x.submitted()).count();
            int inProgress = (int) members.stream().filter(x -> !x.submitted() && x.draft()).count();
            int all = s.known(m);
            int sub = s.cell(submitted, m, rollup.completeness().submitted());
            int prog = s.cell(inProgress, m, rollup.completeness().inProgress());
            int not = s.cell(m - submitted - inProgress, m, rollup.completeness().notStarted());
            s.sum(all, sub, prog, not);
            // truth, counted here independently of the calculator
            Map<String, Integer> perTown = new TreeMap<>();
            members.forEach(x -> perTown.merge(RollupCalculator.municipality(x.municipality()), x.submitted() ? 1 : 0, Integer::sum));
            assertThat(rollup.municipalities()).extracting(Rollup.MunicipalityRollup::municipality)
                    .containsExactlyElementsOf(perTown.keySet());
            int[] atLeastVars = new int[ROLES.size()];
            int[] belowVars = new int[ROLES.size()];
            for (int r = 0; r < ROLES.size(); r++) {
                int rr = r;
                Rollup.RoleRollup row = rollup.roles().get(ROLES.get(r).ordinal());
                int[] counts = new int[5];
                int prio = 0;
                for (MemberState x : members) {
                    if (x.profile() != null) {
                        counts[x.profile().levelOrZero(ROLES.get(rr))]++;
                        prio += x.profile().isPriority(ROLES.get(rr)) ? 1 : 0;
                    }
                }
                int[] levelVars = new int[5];
                for (int l = 0; l < 5; l++) {
                    levelVars[l] = s.cell(counts[l], submitted, row.levels().get(l));
                }
                int atLeast = s.cell(counts[3] + counts[4], submitted, row.atLeastThree());
                int below = s.implicit(counts[0] + counts[1] + counts[2]);
                s.sum(sub, levelVars);
                s.sum(atLeast, levelVars[3], levelVars[4]);
                s.sum(below, levelVars[0], levelVars[1], levelVars[2]);
                s.sum(sub, below, atLeast);
                int p = s.cell(prio, submitted, row.priority());
                s.sum(sub, p, s.implicit(submitted - prio));
                atLeastVars[r] = atLeast;
                belowVars[r] = below;
            }
            List<Integer> townVars = new ArrayList<>();
            Map<Integer, List<Integer>> coveredByRole = new LinkedHashMap<>();
            Map<Integer, List<Integer>> uncoveredByRole = new LinkedHashMap<>();
            int t = 0;
            for (var e : perTown.entrySet()) {
                Rollup.MunicipalityRollup shown = rollup.municipalities().get(t++);
                int size = e.getValue();
                int f = s.cell(size, submitted, shown.facilities());
                townVars.add(f);
                for (int r = 0; r < ROLES.size(); r++) {
                    int rr = r;
                    int k = (int) members.stream().filter(x -> x.profile() != null
                            && RollupCalculator.municipality(x.municipality()).equals(e.getKey())
                            && x.profile().levelOrZero(ROLES.get(rr)) >= RollupCalculator.COVERED_LEVEL).count();
                    int kv = s.cell(k, size, shown.coverage().get(ROLES.get(r)));
                    int nv = s.implicit(size - k);
                    s.sum(f, kv, nv);
                    coveredByRole.computeIfAbsent(r, x -> new ArrayList<>()).add(kv);
                    uncoveredByRole.computeIfAbsent(r, x -> new ArrayList<>()).add(nv);
                }
            }
            if (!townVars.isEmpty()) {
                s.sum(sub, townVars.stream().mapToInt(Integer::intValue).toArray());
                for (int r = 0; r < ROLES.size(); r++) {
                    s.sum(atLeastVars[r], coveredByRole.get(r).stream().mapToInt(Integer::intValue).toArray());
                    s.sum(belowVars[r], uncoveredByRole.get(r).stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }

        int assertNothingPinned(int run) {
            return s.assertNothingPinned("rollup run " + run);
        }
    }

    /**
     * Whole numbers 0..max, linear sums, exact: a value is feasible when a search finds a full assignment satisfying
     * every sum with it. Records each figure's true value and whether it is sensitive and hidden.
     */
    static final class Solver {
        final int max;
        final List<Integer> truth = new ArrayList<>();
        final List<Boolean> shown = new ArrayList<>();
        final List<Boolean> sensitive = new ArrayList<>();
        final List<int[]> sums = new ArrayList<>(); // [total, parts...]

        Solver(int max) {
            this.max = max;
        }

        int known(int value) {
            return add(value, true, false);
        }

        /** A figure as the page shows it; the test also checks the page never shows a number other than the truth. */
        int cell(int value, int group, Cell cell) {
            if (!cell.suppressed()) {
                assertThat(cell.value()).isEqualTo(value);
                assertThat(group >= Cell.MIN_FACILITIES && (value == 0 || value >= Cell.MIN_FACILITIES))
                        .as("a shown figure passes the primary rule").isTrue();
                return add(value, true, false);
            }
            return add(value, false, value > 0 && value < Cell.MIN_FACILITIES);
        }

        int implicit(int value) {
            return add(value, false, value > 0 && value < Cell.MIN_FACILITIES);
        }

        private int add(int value, boolean isShown, boolean isSensitive) {
            truth.add(value);
            shown.add(isShown);
            sensitive.add(isSensitive);
            return truth.size() - 1;
        }

        void sum(int total, int... parts) {
            int[] c = new int[parts.length + 1];
            c[0] = total;
            System.arraycopy(parts, 0, c, 1, parts.length);
            sums.add(c);
        }

        int assertNothingPinned(String what) {
            int n = truth.size();
            int[] lo = new int[n];
            int[] hi = new int[n];
            for (int i = 0; i < n; i++) {
                lo[i] = shown.get(i) ? truth.get(i) : 0;
                hi[i] = shown.get(i) ? truth.get(i) : max;
            }
            assertThat(search(lo.clone(), hi.clone())).as(what + ": the truth satisfies the sums").isTrue();
            int checked = 0;
            for (int i = 0; i < n; i++) {
                if (!sensitive.get(i)) {
                    continue;
                }
                checked++;
                int v = truth.get(i);
                boolean other = false;
                if (v > 0) {
                    int[] l = lo.clone();
                    int[] h = hi.clone();
                    h[i] = v - 1;
                    other = search(l, h);
                }
                if (!other && v < max) {
                    int[] l = lo.clone();
                    int[] h = hi.clone();
                    l[i] = v + 1;
                    other = search(l, h);
                }
                assertThat(other).as(what + ": figure " + i + " (true value " + v + ") can be worked out; truth "
                        + truth + " shown " + shown + " sums " + sums.stream().map(Arrays::toString).toList()).isTrue();
            }
            return checked;
        }

        private boolean search(int[] lo, int[] hi) {
            if (!propagate(lo, hi)) {
                return false;
            }
            int pick = -1;
            for (int i = 0; i < lo.length; i++) {
                if (lo[i] < hi[i] && (pick < 0 || hi[i] - lo[i] < hi[pick] - lo[pick])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return true;
            }
            for (int v = lo[pick]; v <= hi[pick]; v++) {
                int[] l = lo.clone();
                int[] h = hi.clone();
                l[pick] = v;
                h[pick] = v;
                if (search(l, h)) {
                    return true;
                }
            }
            return false;
        }

        /** Bounds consistency on every "total = sum of parts". */
        private boolean propagate(int[] lo, int[] hi) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[] c : sums) {
                    int partsLo = 0;
                    int partsHi = 0;
                    for (int k = 1; k < c.length; k++) {
                        partsLo += lo[c[k]];
                        partsHi += hi[c[k]];
                    }
                    int t = c[0];
                    if (lo[t] < partsLo) {
                        lo[t] = partsLo;
                        changed = true;
                    }
                    if (hi[t] > partsHi) {
                        hi[t] = partsHi;
                        changed = true;
                    }
                    for (int k = 1; k < c.length; k++) {
                        int x = c[k];
                        int newLo = lo[t] - (partsHi - hi[x]);
                        int newHi = hi[t] - (partsLo - lo[x]);
                        if (newLo > lo[x]) {
                            lo[x] = newLo;
                            changed = true;
                        }
                        if (newHi < hi[x]) {
                            hi[x] = newHi;
                            changed = true;
                        }
                    }
                    if (lo[t] > hi[t]) {
                        return false;
                    }
                    for (int k = 1; k < c.length; k++) {
                        if (lo[c[k]] > hi[c[k]]) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }
}
