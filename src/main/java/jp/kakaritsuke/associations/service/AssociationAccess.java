package jp.kakaritsuke.associations.service;

import java.util.HashSet;
import java.util.Set;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.facility.service.FacilityReadGrant;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees which association: administrators all; an association administrator their association and every one below
 * it, never a sibling's. Also grants them read access to the results of member facilities that consented.
 */
@Service
public class AssociationAccess implements FacilityReadGrant {

    private final AssociationRepository associations;
    private final UserAccountService accounts;

    public AssociationAccess(AssociationRepository associations, UserAccountService accounts) {
        this.associations = associations;
        this.accounts = accounts;
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

    /** The caller may see the association (and, through it, its subtree); otherwise AccessDenied. */
    @Transactional(readOnly = true)
    public CurrentUser requireVisible(long associationId) {
        CurrentUser user = accounts.requireCurrentUser();
        if (!visible(user).contains(associationId)) {
            throw new AccessDeniedException("association " + associationId + " is not visible");
        }
        return user;
    }

    public CurrentUser requireVisibleUser() {
        return accounts.requireCurrentUser();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allowsCreate(long userId) {
        return !associations.associationsOf(userId).isEmpty();
    }

    /** An association's administrators invite the first users of its member facilities (after an import). */
    @Override
    @Transactional(readOnly = true)
    public boolean allowsInvite(long userId, long facilityId) {
        return associations.memberOfAny(facilityId, administeredSubtrees(userId));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allowsRead(long userId, long facilityId) {
        return associations.consentingMemberOfAny(facilityId, administeredSubtrees(userId));
    }

    /** The associations a user administers and every association below them. */
    private Set<Long> administeredSubtrees(long userId) {
        Set<Long> result = new HashSet<>();
        AssociationTree tree = associations.tree();
        associations.associationsOf(userId).forEach(id -> result.addAll(tree.subtree(id)));
        return result;
    }
}
