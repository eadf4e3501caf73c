package jp.kakaritsuke.associations.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.associations.domain.RollupRepository.AnswerCount;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberLevel;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberStatus;

/** Turns the rollup's SQL aggregates into the {@link Rollup}, applying the suppression rule of {@link Cell}. Pure. */
public final class RollupCalculator {

    /** A role counts as covered in a municipality when a member rates it at least this. */
    public static final int COVERED_LEVEL = 3;

    private RollupCalculator() {
    }

    public static Rollup rollup(Association association, List<String> roles, List<MemberStatus> members,
                                List<AnswerCount> counts, List<MemberLevel> consentingLevels) {
        int submitted = (int) members.stream().filter(m -> m.lastSubmitted() != null).count();
        int inProgress = (int) members.stream().filter(m -> m.lastSubmitted() == null && m.draft()).count();
        int notStarted = members.size() - submitted - inProgress;
        var completeness = new Rollup.Completeness(Cell.of(notStarted, members.size()), Cell.of(inProgress, members.size()),
                Cell.of(submitted, members.size()));

        Map<String, int[]> levelCounts = new LinkedHashMap<>();
        Map<String, Integer> priorityCounts = new HashMap<>();
        Map<String, Map<String, Integer>> covered = new TreeMap<>();
        roles.forEach(r -> levelCounts.put(r, new int[5]));
        for (AnswerCount c : counts) {
            int[] levels = levelCounts.get(c.roleCode());
            if (levels == null) {
                continue;
            }
            if (c.level() != null) {
                levels[c.level()] += c.facilities();
                if (c.level() >= COVERED_LEVEL) {
                    covered.computeIfAbsent(municipality(c.municipality()), k -> new HashMap<>()).merge(c.roleCode(), c.facilities(), Integer::sum);
                }
            }
            if (c.priority()) {
                priorityCounts.merge(c.roleCode(), c.facilities(), Integer::sum);
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
                    Cell.of(priorityCounts.getOrDefault(role, 0), submitted)));
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

        Map<Long, Map<String, Integer>> levelsByMember = new HashMap<>();
        consentingLevels.forEach(l ->
                levelsByMember.computeIfAbsent(l.facilityId(), k -> new LinkedHashMap<>()).put(l.roleCode(), l.level()));
        List<Rollup.MemberRow> identified = members.stream().filter(MemberStatus::consent)
                .map(m -> new Rollup.MemberRow(m.facilityId(), m.name(), m.municipality(),
                        m.lastSubmitted() != null ? Rollup.Status.SUBMITTED : m.draft() ? Rollup.Status.IN_PROGRESS : Rollup.Status.NOT_STARTED,
                        m.lastSubmitted(), m.lastRoundId(), levelsByMember.getOrDefault(m.facilityId(), Map.of())))
                .toList();
        return new Rollup(association.id(), association.name(), association.prefecture(), members.size(), completeness,
                roleRollups, municipalities, identified);
    }

    private static String municipality(String m) {
        return m == null || m.isBlank() ? "—" : m;
    }
}
