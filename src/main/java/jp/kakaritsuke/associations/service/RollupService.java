package jp.kakaritsuke.associations.service;

import java.util.List;
import java.util.Set;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RollupCalculator;
import jp.kakaritsuke.associations.domain.RollupRepository;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rollups of an association's members, with the suppression rule of {@link Cell}; authorised per association. */
@Service
public class RollupService {

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
        return RollupCalculator.rollup(association, roles, rollups.members(scope));
    }

}
