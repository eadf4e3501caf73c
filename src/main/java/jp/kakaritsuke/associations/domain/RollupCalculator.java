package jp.kakaritsuke.associations.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberStatus;

/** Turns the members' compact states into the {@link Rollup}, applying the suppression rule of {@link Cell}. Pure. */
public final class RollupCalculator {

    /** A role counts as covered in a municipality when a member rates it at least this. */
    public static final int COVERED_LEVEL = 3;

    private RollupCalculator() {
    }

    public static Rollup rollup(Association association, List<String> roles, List<MemberStatus> members) {
        int submitted = (int) members.stream().filter(m -> m.lastSubmitted() != null).count();
        int inProgress = (int) members.stream().filter(m -> m.lastSubmitted() == null && m.draft()).count();
        var completeness = Rollup.Completeness.of(submitted, inProgress, members.size());

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
        List<Rollup.RoleRollup> roleRollups = new ArrayList<>();
        for (String role : roles) {
            int[] levels = levelCounts.get(role);
            List<Cell> cells = new ArrayList<>();
            int atLeast = 0;
            for (int l = 0; l < levels.length; l++) {
                cells.add(Cell.of(levels[l], submitted));
                if (l >= COVERED_LEVEL) {
                    atLeast += levels[l];
                }
            }
            roleRollups.add(new Rollup.RoleRollup(role, cells, Cell.of(atLeast, submitted),
                    Cell.of(priorityCounts.getOrDefault(role, 0), submitted),
                    Cell.of(improved.getOrDefault(role, 0), compared), Cell.of(declined.getOrDefault(role, 0), compared),
                    Cell.of(newlyPrioritised.getOrDefault(role, 0), comparedPriorities),
                    Cell.of(priorityDropped.getOrDefault(role, 0), comparedPriorities)));
        }

        Map<String, Integer> submittedByMunicipality = new TreeMap<>();
        members.stream().filter(m -> m.lastSubmitted() != null)
                .forEach(m -> submittedByMunicipality.merge(municipality(m.municipality()), 1, Integer::sum));
        List<Rollup.MunicipalityRollup> municipalities = new ArrayList<>();
        submittedByMunicipality.forEach((name, size) -> {
            Map<String, Cell> coverage = new LinkedHashMap<>();
            List<String> gaps = new ArrayList<>();
            for (String role : roles) {
                int n = covered.getOrDefault(name, Map.of()).getOrDefault(role, 0);
                Cell cell = Cell.of(n, size);
                coverage.put(role, cell);
                if (!cell.suppressed() && n == 0) {
                    gaps.add(role);
                }
            }
            municipalities.add(new Rollup.MunicipalityRollup(name, Cell.of(size, size), coverage, gaps));
        });

        List<Rollup.MemberRow> identified = members.stream().filter(MemberStatus::consent)
                .map(m -> new Rollup.MemberRow(m.facilityId(), m.name(), m.municipality(),
                        m.lastSubmitted() != null ? Rollup.Status.SUBMITTED : m.draft() ? Rollup.Status.IN_PROGRESS : Rollup.Status.NOT_STARTED,
                        m.lastSubmitted(), m.lastRoundId(), decode(roles, m.levels())))
                .toList();
        return new Rollup(association.id(), association.name(), association.prefecture(), members.size(), completeness,
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
    public static String municipality(String m) {
        return m == null || m.isBlank() ? "—" : m;
    }
}
