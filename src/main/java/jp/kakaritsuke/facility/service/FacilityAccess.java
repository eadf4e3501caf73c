package jp.kakaritsuke.facility.service;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityMemberRepository;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-facility authorisation every service uses, by {@link FacilityScope}: administrators hold every scope on
 * every facility; members hold the read scopes of their facility, editors also {@link FacilityScope#EDIT}; a
 * {@link FacilityGrant} holds only the scope it names.
 * <p>
 * A caller who may not see the facility (or the thing asked for) gets {@link NotFoundException}, exactly as for an id
 * that does not exist, so ids cannot be probed. {@link AccessDeniedException} (403) is kept for "you see it but may not
 * do this": a viewer of the facility asking to edit it.
 */
@Service
public class FacilityAccess {

    private final UserAccountService accounts;
    private final FacilityMemberRepository members;
    private final List<FacilityGrant> grants;

    public FacilityAccess(UserAccountService accounts, FacilityMemberRepository members, List<FacilityGrant> grants) {
        this.accounts = accounts;
        this.members = members;
        this.grants = grants;
    }

    /** The caller's role in the facility; empty when not a member (administrators are not members). */
    @Transactional(readOnly = true)
    public Optional<MemberRole> roleIn(long facilityId) {
        CurrentUser user = accounts.requireCurrentUser();
        return members.find(facilityId, user.id()).map(m -> m.getRole());
    }

    /** Whether the caller holds the scope on the facility. */
    @Transactional(readOnly = true)
    public boolean allows(long facilityId, FacilityScope scope) {
        CurrentUser user = accounts.requireCurrentUser();
        if (user.admin()) {
            return true;
        }
        Optional<MemberRole> role = members.find(facilityId, user.id()).map(m -> m.getRole());
        if (role.isPresent()) {
            return scope != FacilityScope.EDIT || role.get() == MemberRole.EDITOR;
        }
        return grants.stream().anyMatch(g -> g.allows(user.id(), facilityId, scope));
    }

    /** The caller, if they hold the scope; otherwise 404 for the facility (403 for a member lacking the role). */
    @Transactional(readOnly = true)
    public CurrentUser require(long facilityId, FacilityScope scope) {
        return require(facilityId, scope, () -> new NotFoundException("facility", String.valueOf(facilityId)));
    }

    /**
     * As {@link #require(long, FacilityScope)}, answering "not found" with the caller's own exception (e.g. for the
     * round asked for, so the answer does not even say which facility it belongs to).
     */
    @Transactional(readOnly = true)
    public CurrentUser require(long facilityId, FacilityScope scope, java.util.function.Supplier<NotFoundException> notFound) {
        CurrentUser user = accounts.requireCurrentUser();
        if (allows(facilityId, scope)) {
            return user;
        }
        // a member sees the facility: refusing an action there is a plain 403; anyone else learns nothing
        if (members.find(facilityId, user.id()).isPresent()) {
            throw new AccessDeniedException("not an editor of facility " + facilityId);
        }
        // a grant holder (a consenting member's association) sees the results only: beyond them, nothing exists
        throw notFound.get();
    }

    @Transactional(readOnly = true)
    public CurrentUser requireEdit(long facilityId) {
        return require(facilityId, FacilityScope.EDIT);
    }

    /** The facilities other modules grant the caller this scope on (members' own facilities come from elsewhere). */
    @Transactional(readOnly = true)
    public Set<Long> grantedFacilities(FacilityScope scope) {
        CurrentUser user = accounts.requireCurrentUser();
        Set<Long> result = new HashSet<>();
        grants.forEach(g -> result.addAll(g.facilities(user.id(), scope)));
        return result;
    }

    /** Administrators, or a user a grant allows to register facilities (association administrators). */
    @Transactional(readOnly = true)
    public CurrentUser requireCreate() {
        CurrentUser user = accounts.requireCurrentUser();
        if (!user.admin() && grants.stream().noneMatch(g -> g.allowsCreate(user.id()))) {
            throw new AccessDeniedException("may not register facilities");
        }
        return user;
    }

    /** Whether a grant lets the user invite the first editor of the facility (its association's administrators). */
    @Transactional(readOnly = true)
    public boolean grantedFirstEditor(long userId, long facilityId) {
        return grants.stream().anyMatch(g -> g.allowsFirstEditor(userId, facilityId));
    }

    /** Whether anybody has joined the facility yet. */
    @Transactional(readOnly = true)
    public boolean hasMembers(long facilityId) {
        return !members.findByFacility(facilityId).isEmpty();
    }

    public CurrentUser currentUser() {
        return accounts.requireCurrentUser();
    }
}
