package jp.kakaritsuke.facility.service;

import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.facility.domain.FacilityMemberRepository;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-facility authorisation every service uses: administrators may touch every facility; anyone else only
 * the facilities they are a member of, editors to change, viewers to read. Denials are {@link AccessDeniedException}
 * (HTTP 403, and the UI's error page) — never a silent empty result that would hide a bug.
 */
@Service
public class FacilityAccess {

    private final UserAccountService accounts;
    private final FacilityMemberRepository members;
    private final List<FacilityReadGrant> grants;

    public FacilityAccess(UserAccountService accounts, FacilityMemberRepository members, List<FacilityReadGrant> grants) {
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

    @Transactional(readOnly = true)
    public CurrentUser requireRead(long facilityId) {
        CurrentUser user = accounts.requireCurrentUser();
        if (!user.admin() && members.find(facilityId, user.id()).isEmpty()
                && grants.stream().noneMatch(g -> g.allowsRead(user.id(), facilityId))) {
            throw new AccessDeniedException("not a member of facility " + facilityId);
        }
        return user;
    }

    @Transactional(readOnly = true)
    public CurrentUser requireEdit(long facilityId) {
        CurrentUser user = accounts.requireCurrentUser();
        if (!user.admin() && members.find(facilityId, user.id()).filter(m -> m.getRole() == MemberRole.EDITOR).isEmpty()) {
            throw new AccessDeniedException("not an editor of facility " + facilityId);
        }
        return user;
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

    /** Whether a grant lets the user invite editors to the facility (its association's administrators). */
    @Transactional(readOnly = true)
    public boolean grantedInvite(long userId, long facilityId) {
        return grants.stream().anyMatch(g -> g.allowsInvite(userId, facilityId));
    }

    public CurrentUser currentUser() {
        return accounts.requireCurrentUser();
    }
}
