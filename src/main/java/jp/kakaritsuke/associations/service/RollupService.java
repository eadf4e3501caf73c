package jp.kakaritsuke.associations.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.RollupRepository;
import jp.kakaritsuke.associations.domain.RollupRepository.AnswerCount;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberStatus;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rollups of an association's members, with the suppression rule of {@link Cell}; authorised per association. */
@Service
public class RollupService {

    /** A role counts as covered in a municipality when a member rates it at least this. */
    public static final int COVERED_LEVEL = 3;

    private final AssociationRepository associations;
    private final RollupRepository rollups;
    private final AssociationAccess access;
    private final CaseLibraryService caseLibrary;

    public RollupService(AssociationRepository associations, RollupRepository rollups, AssociationAccess access,
                         CaseLibraryService caseLibrary) {
        this.associations = associations;
        this.rollups = rollups;
        this.access = access;
        this.caseLibrary = caseLibrary;
    }

    /** The associations the caller may see, prefectural first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Association> visibleAssociations() {
        var user = access.requireVisibleUser();
        AssociationTree tree = associations.tree();
        return access.visible(user).stream().map(id -> tree.get(id).orElseThrow())
                .sorted(java.util.Comparator.comparing((Association a) -> a.level().ordinal()).thenComparing(Association::prefecture)
                        .thenComparing(Association::name))
                .toList();
    }

    /** The association itself (after the same visibility check as its rollup). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Association association(long associationId) {
        access.requireVisible(associationId);
        return associations.tree().get(associationId).orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Rollup rollup(long associationId) {
        access.requireVisible(associationId);
        AssociationTree tree = associations.tree();
        Association association = tree.get(associationId).orElseThrow();
        Set<Long> scope = tree.subtree(associationId);
        List<String> roles = caseLibrary.library().roles().stream().map(Role::code).toList();

        List<MemberStatus> members = rollups.members(scope);
        int submitted = (int) members.stream().filter(m -> m.lastSubmitted() != null).count();
        int inProgress = (int) members.stream().filter(m -> m.lastSubmitted() == null && m.draft()).count();
        int notStarted = members.size() - submitted - inProgress;
        var completeness = new Rollup.Completeness(Cell.of(notStarted, members.size()), Cell.of(inProgress, members.size()),
                Cell.of(submitted, members.size()));

        // counts by role and level over all members; by municipality and role at level >= 3
        Map<String, int[]> levelCounts = new LinkedHashMap<>();
        Map<String, Integer> priorityCounts = new HashMap<>();
        Map<String, Map<String, Integer>> covered = new TreeMap<>();
        roles.forEach(r -> levelCounts.put(r, new int[5]));
        for (AnswerCount c : rollups.answerCounts(scope)) {
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
        rollups.consentingLevels(scope).forEach(l ->
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
