package jp.kakaritsuke.associations.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.Instant;

/**
 * The rollup calculator as it was before issue 14 (commit f834c1b, verbatim but for the result types, which had
 * String role codes): roles as a list of codes, levels as '0'–'4'/'-' characters decoded with char arithmetic. Kept
 * only so that {@link RollupEquivalenceTest} can show the new one returns the same rollup.
 */
final class LegacyRollupCalculator {

    /** The old repository's row. */
    record MemberStatus(long facilityId, String name, String municipality, boolean consent, Instant lastSubmitted,
                        boolean draft, Long lastRoundId, String levels, String priorities, String previousLevels,
                        String previousPriorities) {
    }

    /** The old {@link Rollup}, with String role codes. */
    record Result(long associationId, String associationName, String prefecture, int members, Rollup.Completeness completeness,
                  List<RoleRollup> roles, List<MunicipalityRollup> municipalities, List<MemberRow> identifiedMembers) {
    }

    record RoleRollup(String roleCode, List<Cell> levels, Cell atLeastThree, Cell priority, Cell improved,
                      Cell declined, Cell newlyPrioritised, Cell priorityDropped) {
    }

    record MunicipalityRollup(String municipality, Cell facilities, Map<String, Cell> coverage, List<String> gaps) {
    }

    record MemberRow(long facilityId, String name, String municipality, Rollup.Status status, Instant lastSubmitted,
                     Long lastRoundId, Map<String, Integer> levels) {
    }

    static final int COVERED_LEVEL = 3;

    private LegacyRollupCalculator() {
    }

    static Result rollup(Association association, List<String> roles, List<MemberStatus> members) {
        int submitted = (int) members.stream().filter(m -> m.lastSubmitted() != null).count();
        int inProgress = (int) members.stream().filter(m -> m.lastSubmitted() == null && m.draft()).count();

        // one pass over the members' compact latest levels
        Map<String, int[]> levelCounts = new LinkedHashMap<>();
        Map<String, Integer> priorityCounts = new HashMap<>();
        Map<String, Integer> improved = new HashMap<>();
        Map<String, Integer> declined = new HashMap<>();
        Map<String, Integer> newlyPrioritised = new HashMap<>();
        Map<String, Integer> priorityDropped = new HashMap<>();
        int compared = 0;
        int comparedPriorities = 0;
        Map<String, Map<String, Integer>> covered = new TreeMap<>();
        roles.forEach(r -> levelCounts.put(r, new int[5]));
        for (MemberStatus m : members) {
            if (m.lastSubmitted() == null || m.levels() == null) {
                continue;
            }
            if (m.previousLevels() != null) {
                compared++;
                for (int r = 0; r < roles.size() && r < m.levels().length() && r < m.previousLevels().length(); r++) {
                    char now = m.levels().charAt(r);
                    char before = m.previousLevels().charAt(r);
                    if (now != '-' && before != '-' && now != before) {
                        (now > before ? improved : declined).merge(roles.get(r), 1, Integer::sum);
                    }
                }
            }
            if (m.priorities() != null && m.previousPriorities() != null) {
                comparedPriorities++;
                for (int r = 0; r < roles.size() && r < m.priorities().length() && r < m.previousPriorities().length(); r++) {
                    char now = m.priorities().charAt(r);
                    char before = m.previousPriorities().charAt(r);
                    if (now != before) {
                        (now == '1' ? newlyPrioritised : priorityDropped).merge(roles.get(r), 1, Integer::sum);
                    }
                }
            }
            for (int r = 0; r < roles.size() && r < m.levels().length(); r++) {
                char c = m.levels().charAt(r);
                if (c >= '0' && c <= '4') {
                    int level = c - '0';
                    levelCounts.get(roles.get(r))[level]++;
                    if (level >= COVERED_LEVEL) {
                        covered.computeIfAbsent(municipality(m.municipality()), k -> new HashMap<>()).merge(roles.get(r), 1, Integer::sum);
                    }
                }
                if (m.priorities() != null && r < m.priorities().length() && m.priorities().charAt(r) == '1') {
                    priorityCounts.merge(roles.get(r), 1, Integer::sum);
                }
            }
        }
        // every figure the page shows, linked by the sums a reader can see, protected together (Suppression)
        Suppression table = new Suppression();
        Suppression.Node all = table.known(members.size());
        Suppression.Node submittedNode = table.anchor(table.cell(submitted, members.size()));
        Suppression.Node inProgressNode = table.cell(inProgress, members.size());
        Suppression.Node notStartedNode = table.cell(members.size() - submitted - inProgress, members.size());
        table.sum(all, List.of(notStartedNode, inProgressNode, submittedNode));

        Map<String, List<Suppression.Node>> levelNodes = new LinkedHashMap<>();
        Map<String, Suppression.Node> atLeastNodes = new HashMap<>();
        Map<String, Suppression.Node> belowNodes = new HashMap<>();
        Map<String, Suppression.Node> priorityNodes = new HashMap<>();
        for (String role : roles) {
            int[] levels = levelCounts.get(role);
            List<Suppression.Node> nodes = new ArrayList<>();
            for (int level : levels) {
                nodes.add(table.cell(level, submitted));
            }
            // the row as the hierarchy it is: levels 0-2 (never shown as one figure) and 「レベル3以上」 = 3 + 4 make up
            // those who submitted, so subtracting 「レベル3以上」 from the row is a sum the reader can solve
            int below = levels[0] + levels[1] + levels[2];
            int atLeast = levels[3] + levels[4];
            Suppression.Node belowNode = table.implicit(below);
            Suppression.Node atLeastNode = table.cell(atLeast, submitted);
            table.sum(belowNode, nodes.subList(0, COVERED_LEVEL));
            table.sum(atLeastNode, nodes.subList(COVERED_LEVEL, levels.length));
            List<Suppression.Node> parts = new ArrayList<>(List.of(belowNode, atLeastNode));
            if (below + atLeast < submitted) { // a round on an older questionnaire without this role
                parts.add(table.implicit(submitted - below - atLeast));
            }
            table.sum(submittedNode, parts);
            int priority = priorityCounts.getOrDefault(role, 0);
            Suppression.Node priorityNode = table.cell(priority, submitted);
            table.sum(submittedNode, List.of(priorityNode, table.implicit(submitted - priority)));
            levelNodes.put(role, nodes);
            atLeastNodes.put(role, atLeastNode);
            belowNodes.put(role, belowNode);
            priorityNodes.put(role, priorityNode);
        }

        // every municipality of the members is listed, with none submitted too: a row only where someone submitted
        // would tell that someone did
        Map<String, Integer> submittedByMunicipality = new TreeMap<>();
        members.forEach(m -> submittedByMunicipality.merge(municipality(m.municipality()), m.lastSubmitted() != null ? 1 : 0, Integer::sum));
        Map<String, Suppression.Node> facilityNodes = new LinkedHashMap<>();
        Map<String, Map<String, Suppression.Node>> coverageNodes = new LinkedHashMap<>();
        Map<String, List<Suppression.Node>> coveredByRole = new HashMap<>();
        Map<String, List<Suppression.Node>> uncoveredByRole = new HashMap<>();
        submittedByMunicipality.forEach((name, size) -> {
            Suppression.Node facilities = table.cell(size, submitted);
            facilityNodes.put(name, facilities);
            Map<String, Suppression.Node> row = new LinkedHashMap<>();
            for (String role : roles) {
                int n = covered.getOrDefault(name, Map.of()).getOrDefault(role, 0);
                Suppression.Node cell = table.cell(n, size);
                Suppression.Node uncovered = table.implicit(size - n);
                table.sum(facilities, List.of(cell, uncovered));
                coveredByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(cell);
                uncoveredByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(uncovered);
                row.put(role, cell);
            }
            coverageNodes.put(name, row);
        });
        if (!facilityNodes.isEmpty()) {
            // the coverage grid is a two-way table: its columns add up to 「レベル3以上」 and to the rest
            table.sum(submittedNode, List.copyOf(facilityNodes.values()));
            for (String role : roles) {
                table.sum(atLeastNodes.get(role), coveredByRole.get(role));
                table.sum(belowNodes.get(role), uncoveredByRole.get(role));
            }
        }
        table.protect();

        var completeness = new Rollup.Completeness(notStartedNode.cell(), inProgressNode.cell(), submittedNode.cell());
        List<RoleRollup> roleRollups = new ArrayList<>();
        for (String role : roles) {
            // the changes since the previous round add up to nothing shown (how many were compared is not shown)
            roleRollups.add(new RoleRollup(role, levelNodes.get(role).stream().map(Suppression.Node::cell).toList(),
                    atLeastNodes.get(role).cell(), priorityNodes.get(role).cell(),
                    Cell.of(improved.getOrDefault(role, 0), compared), Cell.of(declined.getOrDefault(role, 0), compared),
                    Cell.of(newlyPrioritised.getOrDefault(role, 0), comparedPriorities),
                    Cell.of(priorityDropped.getOrDefault(role, 0), comparedPriorities)));
        }
        List<MunicipalityRollup> municipalities = new ArrayList<>();
        coverageNodes.forEach((name, row) -> {
            Map<String, Cell> coverage = new LinkedHashMap<>();
            List<String> gaps = new ArrayList<>();
            row.forEach((role, node) -> {
                Cell cell = node.cell();
                coverage.put(role, cell);
                if (!cell.suppressed() && cell.value() == 0) {
                    gaps.add(role);
                }
            });
            municipalities.add(new MunicipalityRollup(name, facilityNodes.get(name).cell(), coverage, gaps));
        });

        List<MemberRow> identified = members.stream().filter(MemberStatus::consent)
                .map(m -> new MemberRow(m.facilityId(), m.name(), m.municipality(),
                        m.lastSubmitted() != null ? Rollup.Status.SUBMITTED : m.draft() ? Rollup.Status.IN_PROGRESS : Rollup.Status.NOT_STARTED,
                        m.lastSubmitted(), m.lastRoundId(), decode(roles, m.levels())))
                .toList();
        return new Result(association.id(), association.name(), association.prefecture(), members.size(), completeness,
                roleRollups, municipalities, identified);
    }

    private static Map<String, Integer> decode(List<String> roles, String levels) {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (levels == null) {
            return result;
        }
        for (int r = 0; r < roles.size() && r < levels.length(); r++) {
            char c = levels.charAt(r);
            result.put(roles.get(r), c >= '0' && c <= '4' ? c - '0' : null);
        }
        return result;
    }

    /** How a member without a municipality is grouped (shared by the rollup and the round completeness). */
    static String municipality(String m) {
        return m == null || m.isBlank() ? "—" : m;
    }
}
