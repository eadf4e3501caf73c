package jp.kakaritsuke.associations.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;

/**
 * Turns the members' states into the {@link Rollup}: the counts, then one {@link Suppression} over every figure on the
 * page, so no hidden count can be worked out from the totals beside it. Pure.
 * <p>
 * The counting is one pass over the members with plain arrays indexed by role ordinal and municipality number: a
 * member's profiles are {@link RoleLevels#packed()} longs read with {@link RoleLevels#rawLevel} /
 * {@link RoleLevels#rawPriorities}, so 100,000 members cost no allocation and no branch per role (docs/performance.md).
 */
public final class RollupCalculator {

    /** A role counts as covered in a municipality when a member rates it at least this. */
    public static final int COVERED_LEVEL = 3;

    private static final RoleCode[] ROLES = RoleCode.values();
    private static final int R = ROLES.length;
    private static final int LEVELS = 5;

    private RollupCalculator() {
    }

    public static Rollup rollup(Association association, List<MemberState> members) {
        int all = members.size();
        int submitted = 0;
        int inProgress = 0;
        int[] levelCounts = new int[R * 8]; // [role * 8 + raw level]: 0–4, and 7 for none (not shown)
        int[] priorityCounts = new int[R];
        int[] improved = new int[R];
        int[] declined = new int[R];
        int[] newlyPrioritised = new int[R];
        int[] priorityDropped = new int[R];
        int compared = 0;
        int comparedPriorities = 0;
        Towns towns = new Towns();
        List<MemberState> consenting = new ArrayList<>();
        // one pass over the members' packed profiles, without a branch per role: random levels would mispredict
        // most of them (100,000 members × 14 roles)
        for (MemberState m : members) {
            int town = towns.index(m.municipality());
            if (m.consent()) {
                consenting.add(m);
            }
            if (!m.submitted()) {
                if (m.draft()) {
                    inProgress++;
                }
                continue;
            }
            submitted++;
            towns.submitted[town]++;
            long now = m.latest();
            int coveredRow = town * R;
            int[] covered = towns.covered;
            int p = RoleLevels.rawPriorities(now);
            for (int r = 0; r < R; r++) {
                int l = RoleLevels.rawLevel(now, r);
                levelCounts[r << 3 | l]++;
                covered[coveredRow + r] += COVERED >>> l & 1;
                priorityCounts[r] += p >>> r & 1;
            }
            long before = m.previous();
            if (before != MemberState.NONE) {
                compared++;
                int q = m.previousPriorities() ? RoleLevels.rawPriorities(before) : p; // p: no change counted
                int newly = p & ~q;
                int dropped = q & ~p;
                for (int r = 0; r < R; r++) {
                    int change = RoleLevels.rawLevel(now, r) << 3 | RoleLevels.rawLevel(before, r);
                    improved[r] += (int) (ROSE >>> change) & 1;
                    declined[r] += (int) (FELL >>> change) & 1;
                    newlyPrioritised[r] += newly >>> r & 1;
                    priorityDropped[r] += dropped >>> r & 1;
                }
                if (m.previousPriorities()) {
                    comparedPriorities++;
                }
            }
        }
        // every figure the page shows, linked by the sums a reader can see, protected together (Suppression)
        Suppression table = new Suppression();
        Suppression.Node allNode = table.known(all);
        Suppression.Node submittedNode = table.anchor(table.cell(submitted, all));
        Suppression.Node inProgressNode = table.cell(inProgress, all);
        Suppression.Node notStartedNode = table.cell(all - submitted - inProgress, all);
        table.sum(allNode, List.of(notStartedNode, inProgressNode, submittedNode));

        Suppression.Node[][] levelNodes = new Suppression.Node[R][];
        Suppression.Node[] atLeastNodes = new Suppression.Node[R];
        Suppression.Node[] belowNodes = new Suppression.Node[R];
        Suppression.Node[] priorityNodes = new Suppression.Node[R];
        Suppression.Node[] missingNodes = new Suppression.Node[R];
        for (int r = 0; r < R; r++) {
            Suppression.Node[] nodes = new Suppression.Node[LEVELS];
            for (int l = 0; l < LEVELS; l++) {
                nodes[l] = table.cell(levelCounts[r << 3 | l], submitted);
            }
            // the row as the hierarchy it is: levels 0-2 (never shown as one figure) and 「レベル3以上」 = 3 + 4 make up
            // those who submitted, so subtracting 「レベル3以上」 from the row is a sum the reader can solve
            int below = levelCounts[r << 3] + levelCounts[r << 3 | 1] + levelCounts[r << 3 | 2];
            int atLeast = levelCounts[r << 3 | 3] + levelCounts[r << 3 | 4];
            Suppression.Node belowNode = table.implicit(below);
            Suppression.Node atLeastNode = table.cell(atLeast, submitted);
            table.sum(belowNode, List.of(nodes).subList(0, COVERED_LEVEL));
            table.sum(atLeastNode, List.of(nodes).subList(COVERED_LEVEL, LEVELS));
            List<Suppression.Node> parts = new ArrayList<>(List.of(belowNode, atLeastNode));
            if (below + atLeast < submitted) { // a round on an older questionnaire without this role
                missingNodes[r] = table.implicit(submitted - below - atLeast);
                parts.add(missingNodes[r]);
            }
            table.sum(submittedNode, parts);
            Suppression.Node priorityNode = table.cell(priorityCounts[r], submitted);
            table.sum(submittedNode, List.of(priorityNode, table.implicit(submitted - priorityCounts[r])));
            levelNodes[r] = nodes;
            atLeastNodes[r] = atLeastNode;
            belowNodes[r] = belowNode;
            priorityNodes[r] = priorityNode;
        }

        // every municipality of the members is listed, with none submitted too: a row only where someone submitted
        // would tell that someone did
        int[] order = towns.sorted();
        Suppression.Node[] facilityNodes = new Suppression.Node[order.length];
        Suppression.Node[][] coverageNodes = new Suppression.Node[order.length][R];
        List<List<Suppression.Node>> coveredByRole = new ArrayList<>();
        List<List<Suppression.Node>> uncoveredByRole = new ArrayList<>();
        for (int r = 0; r < R; r++) {
            coveredByRole.add(new ArrayList<>(order.length));
            uncoveredByRole.add(new ArrayList<>(order.length));
        }
        for (int i = 0; i < order.length; i++) {
            int town = order[i];
            int size = towns.submitted[town];
            Suppression.Node facilities = table.cell(size, submitted);
            facilityNodes[i] = facilities;
            for (int r = 0; r < R; r++) {
                int n = towns.covered[town * R + r];
                Suppression.Node cell = table.cell(n, size);
                Suppression.Node uncovered = table.implicit(size - n);
                table.sum(facilities, List.of(cell, uncovered));
                coveredByRole.get(r).add(cell);
                uncoveredByRole.get(r).add(uncovered);
                coverageNodes[i][r] = cell;
            }
        }
        if (order.length > 0) {
            // the coverage grid is a two-way table: its columns add up to 「レベル3以上」 and to the rest
            table.sum(submittedNode, List.of(facilityNodes));
            for (int r = 0; r < R; r++) {
                table.sum(atLeastNodes[r], coveredByRole.get(r));
                if (missingNodes[r] == null) {
                    table.sum(belowNodes[r], uncoveredByRole.get(r));
                } else {
                    // a municipality's members below level 3 include those without a level for the role
                    Suppression.Node notCovered = table.implicit(belowNodes[r].value() + missingNodes[r].value());
                    table.sum(notCovered, List.of(belowNodes[r], missingNodes[r]));
                    table.sum(notCovered, uncoveredByRole.get(r));
                }
            }
        }
        table.protect();

        var completeness = new Rollup.Completeness(notStartedNode.cell(), inProgressNode.cell(), submittedNode.cell());
        List<Rollup.RoleRollup> roleRollups = new ArrayList<>(R);
        for (int r = 0; r < R; r++) {
            List<Cell> levels = new ArrayList<>(LEVELS);
            for (Suppression.Node node : levelNodes[r]) {
                levels.add(node.cell());
            }
            // the changes since the previous round add up to nothing shown (how many were compared is not shown)
            roleRollups.add(new Rollup.RoleRollup(ROLES[r], Collections.unmodifiableList(levels), atLeastNodes[r].cell(),
                    priorityNodes[r].cell(), Cell.of(improved[r], compared), Cell.of(declined[r], compared),
                    Cell.of(newlyPrioritised[r], comparedPriorities), Cell.of(priorityDropped[r], comparedPriorities)));
        }
        List<Rollup.MunicipalityRollup> municipalities = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            Map<RoleCode, Cell> coverage = new EnumMap<>(RoleCode.class);
            List<RoleCode> gaps = new ArrayList<>();
            for (int r = 0; r < R; r++) {
                Cell cell = coverageNodes[i][r].cell();
                coverage.put(ROLES[r], cell);
                if (!cell.suppressed() && cell.value() == 0) {
                    gaps.add(ROLES[r]);
                }
            }
            municipalities.add(new Rollup.MunicipalityRollup(towns.names.get(order[i]), facilityNodes[i].cell(),
                    Collections.unmodifiableMap(coverage), Collections.unmodifiableList(gaps)));
        }

        List<Rollup.MemberRow> identified = new ArrayList<>(consenting.size());
        for (MemberState m : listed(consenting)) {
            identified.add(new Rollup.MemberRow(m.facilityId(), m.name(), m.municipality(), status(m), m.lastSubmitted(),
                    m.lastRoundId(), m.profile()));
        }
        return new Rollup(association.id(), association.name(), association.prefecture(), all, completeness,
                Collections.unmodifiableList(roleRollups), Collections.unmodifiableList(municipalities),
                Collections.unmodifiableList(identified));
    }

    /** One member to list, with the rank of its municipality among theirs. */
    private record Listed(int town, MemberState member) {
    }

    /**
     * The members in {@link MemberState#LISTING} order: municipality as recorded (none first), name, id. The
     * municipalities are ranked once, so that sorting tens of thousands of consenting members compares a number and
     * then, within a municipality, names.
     */
    static List<MemberState> listed(List<MemberState> members) {
        Map<String, Integer> rank = new HashMap<>();
        for (MemberState m : members) {
            if (m.municipality() != null) {
                rank.putIfAbsent(m.municipality(), 0);
            }
        }
        String[] names = rank.keySet().toArray(String[]::new);
        Arrays.sort(names);
        for (int i = 0; i < names.length; i++) {
            rank.put(names[i], i + 1); // 0: none
        }
        Listed[] listed = new Listed[members.size()];
        for (int i = 0; i < listed.length; i++) {
            MemberState m = members.get(i);
            listed[i] = new Listed(m.municipality() == null ? 0 : rank.get(m.municipality()), m);
        }
        Arrays.sort(listed, (a, b) -> {
            int c = Integer.compare(a.town(), b.town());
            if (c != 0) {
                return c;
            }
            String x = a.member().name();
            String y = b.member().name();
            c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
            return c != 0 ? c : Long.compare(a.member().facilityId(), b.member().facilityId());
        });
        List<MemberState> result = new ArrayList<>(listed.length);
        for (Listed l : listed) {
            result.add(l.member());
        }
        return result;
    }

    static Rollup.Status status(MemberState m) {
        return m.submitted() ? Rollup.Status.SUBMITTED : m.draft() ? Rollup.Status.IN_PROGRESS : Rollup.Status.NOT_STARTED;
    }

    /** How a member without a municipality is grouped (shared by the rollup and the round completeness). */
    public static String municipality(String m) {
        return m == null || m.isBlank() ? "—" : m;
    }

    /** Raw levels (0–4, 7 = none) that cover a role: bits 3 and 4 ({@link #COVERED_LEVEL} and up). */
    private static final int COVERED = (1 << 5) - (1 << COVERED_LEVEL);

    /** Bit {@code now << 3 | before} is set where a role's level rose between two submissions (both with a level). */
    private static final long ROSE;

    /** As {@link #ROSE}, where it fell. */
    private static final long FELL;

    static {
        long rose = 0;
        long fell = 0;
        for (int now = 0; now <= 4; now++) {
            for (int before = 0; before <= 4; before++) {
                if (now > before) {
                    rose |= 1L << (now << 3 | before);
                } else if (now < before) {
                    fell |= 1L << (now << 3 | before);
                }
            }
        }
        ROSE = rose;
        FELL = fell;
    }

    /** The municipalities met so far, numbered, with their counts. */
    private static final class Towns {
        private final Map<String, Integer> byRecorded = new HashMap<>();
        private final Map<String, Integer> byName = new HashMap<>();
        final List<String> names = new ArrayList<>();
        int[] submitted = new int[16];
        int[] covered = new int[16 * R];
        private String lastRecorded;
        private int last = -1;

        /** The municipality's number (as recorded: null and blank are one, 「—」). */
        int index(String recorded) {
            if (last >= 0 && recorded == lastRecorded) {
                return last; // the same string again (members read in a row)
            }
            Integer known = recorded == null ? null : byRecorded.get(recorded);
            int index;
            if (known != null) {
                index = known;
            } else {
                String name = municipality(recorded);
                Integer existing = byName.get(name);
                if (existing == null) {
                    existing = names.size();
                    names.add(name);
                    byName.put(name, existing);
                    if (existing == submitted.length) {
                        submitted = Arrays.copyOf(submitted, existing * 2);
                        covered = Arrays.copyOf(covered, existing * 2 * R);
                    }
                }
                index = existing;
                if (recorded != null) {
                    byRecorded.put(recorded, index);
                }
            }
            lastRecorded = recorded;
            last = index;
            return index;
        }

        /** The municipality numbers in the order of their names. */
        int[] sorted() {
            Integer[] order = new Integer[names.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
            int[] result = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                result[i] = order[i];
            }
            return result;
        }
    }
}
