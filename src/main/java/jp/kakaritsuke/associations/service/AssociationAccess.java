package jp.kakaritsuke.associations.service;

import java.util.HashSet;
import java.util.Set;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.service.FacilityDirectory;
import jp.kakaritsuke.facility.service.FacilityGrant;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees which association: administrators all; an association administrator their association and every one below
 * it, never a sibling's. Also grants them {@link FacilityScope#SUBMITTED_RESULTS} of member facilities that consented
 * (the consent says 「結果の閲覧」: drafts, people and editing stay inside the facility), and lets them invite the first
 * editor of a member nobody has joined yet (one they registered by import), never more people into a staffed facility.
 */
@Service
public class AssociationAccess implements FacilityGrant {

    private final AssociationRepository associations;
    private final UserAccountService accounts;
    private final FacilityDirectory facilities;

    public AssociationAccess(AssociationRepository associations, UserAccountService accounts, FacilityDirectory facilities) {
        this.associations = associations;
        this.accounts = accounts;
        this.facilities = facilities;
    }

    @Transactional(readOnly = true)
    public Set<Long> visible(CurrentUser user) {
        AssociationTree tree = associations.tree();
        if (user.admin()) {
            Set<Long> all = new HashSet<>();
            tree.all().forEach(a -> all.add(a.id()));
            return all;
        }
        return administeredSubtrees(user.id());
    }

    /**
     * The caller may see the association (and, through it, its subtree); otherwise 404 — the same answer as for an id
     * that does not exist, so association ids cannot be probed.
     */
    @Transactional(readOnly = true)
    public CurrentUser requireVisible(long associationId) {
        CurrentUser user = accounts.requireCurrentUser();
        if (!visible(user).contains(associationId)) {
            throw new NotFoundException("association", String.valueOf(associationId));
        }
        return user;
    }

    /**
     * The signed-in caller, checking nothing about associations: callers narrow what they return or change by
     * {@link #visible(CurrentUser)} or {@link #requireVisible(long)} themselves.
     */
    public CurrentUser currentUser() {
        return accounts.requireCurrentUser();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allowsCreate(long userId) {
        return !associations.associationsOf(userId).isEmpty();
    }

    /** An association's administrators invite the first editor of its member facilities (after an import). */
    @Override
    @Transactional(readOnly = true)
    public boolean allowsFirstEditor(long userId, long facilityId) {
        return associations.memberOfAny(facilityId, administeredSubtrees(userId));
    }

    /** Consent grants the submitted results, and only those. */
    @Override
    @Transactional(readOnly = true)
    public boolean allows(long userId, long facilityId, FacilityScope scope) {
        return scope == FacilityScope.SUBMITTED_RESULTS
                && associations.memberOfAny(facilityId, administeredSubtrees(userId))
                && facilities.consenting(Set.of(facilityId)).contains(facilityId);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> facilities(long userId, FacilityScope scope) {
        if (scope != FacilityScope.SUBMITTED_RESULTS) {
            return Set.of();
        }
        Set<Long> subtrees = administeredSubtrees(userId);
        return subtrees.isEmpty() ? Set.of() : facilities.consenting(associations.memberIds(subtrees));
    }

    /**
     * What an association administrator's sight reaches: the associations they see, those associations' member
     * facilities and their administrators (the audit log shows them these). Derived from the user alone, so a caller
     * cannot widen it; empty sets for someone who administers no association.
     */
    public record Sight(Set<Long> associations, Set<Long> memberFacilities, Set<Long> administrators) {
    }

    @Transactional(readOnly = true)
    public Sight sight(CurrentUser user) {
        Set<Long> visible = visible(user);
        return new Sight(visible, associations.memberIds(visible), associations.administratorIds(visible));
    }

    /** The associations a user administers and every association below them. */
    private Set<Long> administeredSubtrees(long userId) {
        Set<Long> result = new HashSet<>();
        AssociationTree tree = associations.tree();
        associations.associationsOf(userId).forEach(id -> result.addAll(tree.subtree(id)));
        return result;
    }
}
