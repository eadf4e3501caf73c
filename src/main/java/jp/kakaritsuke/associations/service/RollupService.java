package jp.kakaritsuke.associations.service;

import io.micrometer.core.annotation.Timed;
import java.util.List;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.util.Set;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RollupCalculator;
import jp.kakaritsuke.associations.domain.MemberState;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rollups of an association's members, with the suppression rule of {@link Cell}; authorised per association. */
@Service
public class RollupService {

    private final AssociationRepository associations;
    private final MemberIndex memberStates;
    private final AssociationAccess access;
    private final AssociationRoundService rounds;
    private final ApplicationEventPublisher events;

    public RollupService(AssociationRepository associations, MemberIndex memberStates, AssociationAccess access,
                         AssociationRoundService rounds, ApplicationEventPublisher events) {
        this.events = events;
        this.associations = associations;
        this.memberStates = memberStates;
        this.access = access;
        this.rounds = rounds;
    }

    /** The rollup page: the rollup and its rounds' completeness, from one read of the members. */
    public record Overview(Rollup rollup, List<AssociationRoundService.RoundCompleteness> rounds) {
    }

    /** The associations the caller may see, prefectural first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Association> visibleAssociations() {
        var user = access.currentUser();
        AssociationTree tree = associations.tree();
        return access.visible(user).stream().map(id -> tree.get(id).orElseThrow()).sorted(Association.HIERARCHY_ORDER).toList();
    }

    /** The association itself (after the same visibility check as its rollup). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Association association(long associationId) {
        access.requireVisible(associationId);
        return associations.tree().get(associationId).orElseThrow();
    }

    /**
     * The rollup as data leaving the application (the JSON API, the workbook): recorded as a download about other
     * facilities ({@code what} says which). The page on screen reads {@link #overview} and is not recorded.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    @Timed(value = "kkf.rollup", description = "Rollups of an association's members (docs/operations.md)")
    public Rollup download(long associationId, String what) {
        Rollup rollup = rollup(associationId);
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.REPORT_DOWNLOADED, associationId, null, what));
        return rollup;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    @Timed(value = "kkf.rollup", description = "Rollups of an association's members (docs/operations.md)")
    public Rollup rollup(long associationId) {
        access.requireVisible(associationId);
        AssociationTree tree = associations.tree();
        Set<Long> scope = tree.subtree(associationId);
        return RollupCalculator.rollup(tree.get(associationId).orElseThrow(), memberStates.members(scope));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    @Timed(value = "kkf.rollup", description = "Rollups of an association's members (docs/operations.md)")
    public Overview overview(long associationId) {
        access.requireVisible(associationId);
        AssociationTree tree = associations.tree();
        Set<Long> scope = tree.subtree(associationId);
        // the rounds' progress compares every member's time of submission with the round's opening
        List<MemberState> members = memberStates.members(scope);
        return new Overview(RollupCalculator.rollup(tree.get(associationId).orElseThrow(), members),
                rounds.completeness(associationId, scope, members));
    }

}
