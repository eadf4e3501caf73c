package jp.kakaritsuke.facility.service;

import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.base.OneTimeCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.facility.domain.FacilityRepository;
import jp.kakaritsuke.facility.domain.Invitation;
import jp.kakaritsuke.facility.domain.InvitationRepository;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: an administrator invites editors or viewers to any facility, an editor invites viewers to their own,
 * and an association's administrator invites the first editor of a member facility nobody has joined yet (one it
 * registered by import) — the members' consent covers seeing results, not staffing.
 * The invitee opens the one-time link (or types the code) and sets their own password; we never see or send it.
 */
@Service
public class InvitationService {

    static final Duration VALIDITY = Duration.ofDays(14);

    private final InvitationRepository invitations;
    private final FacilityRepository facilities;
    private final FacilityAccess access;
    private final FacilityService facilityService;
    private final UserAccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public InvitationService(InvitationRepository invitations, FacilityRepository facilities, FacilityAccess access,
                             FacilityService facilityService, UserAccountService accounts, Clock clock,
                             ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.facilities = facilities;
        this.access = access;
        this.facilityService = facilityService;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates an invitation; the returned code is shown once and not stored. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation invite(long facilityId, MemberRole role, String inviteeName) {
        CurrentUser current = access.currentUser();
        // a grant reaches only an empty facility; once someone has joined, its own editors decide who comes in
        boolean granted = !current.admin() && access.roleIn(facilityId).isEmpty()
                && access.grantedFirstEditor(current.id(), facilityId) && !access.hasMembers(facilityId);
        CurrentUser user = granted ? current : access.requireEdit(facilityId);
        if (granted && role != MemberRole.EDITOR) {
            throw new AccessDeniedException("an association invites the first editor only");
        }
        if (!user.admin() && !granted && role != MemberRole.VIEWER) {
            throw new AccessDeniedException("editors may invite viewers only");
        }
        if (inviteeName == null || inviteeName.isBlank() || inviteeName.length() > 200) {
            throw new InvalidInputException(List.of("invitation.error.name"));
        }
        // the invitee's name goes into the invitation-codes CSV and onto the member list (base.TextRules)
        List<String> nameProblems = TextRules.problems("invitation.error.name", inviteeName);
        if (!nameProblems.isEmpty()) {
            throw new InvalidInputException(nameProblems);
        }
        String code = OneTimeCode.generate();
        Instant now = clock.instant();
        Invitation invitation = invitations.save(new Invitation(facilityId, role, OneTimeCode.hash(code), inviteeName.strip(),
                user.id(), now, now.plus(VALIDITY)));
        // the subject is the invitee's name as written (there is no account yet); never the code
        events.publishEvent(AuditEvent.ofFacility(AuditAction.INVITATION_ISSUED, facilityId, invitation.getInviteeName(),
                "invitation " + invitation.getId() + ", " + role.name()));
        return new IssuedInvitation(invitation.getId(), code, invitation.getExpiresAt());
    }

    /** What an invitee sees before accepting: which facility and role. Anonymous callers may ask. */
    @Transactional(readOnly = true)
    public Optional<PendingInvitation> lookup(String code) {
        return find(code).filter(i -> i.isUsable(clock.instant()))
                .flatMap(i -> facilities.findById(i.getFacilityId())
                        .map(f -> new PendingInvitation(f.getName(), i.getRole(), i.getInviteeName(), i.getExpiresAt())));
    }

    /**
     * Accepts an invitation: creates the account and the membership in one transaction. An unknown, used or expired
     * code is refused with the same message, so codes cannot be probed. Whoever loses a race for the same code (both
     * saw it open) is told so ({@code invitation.error.taken}), and the rollback takes their new account with it.
     */
    @Transactional
    public void accept(String code, String username, String displayName, String email, String password) {
        Invitation invitation = find(code).filter(i -> i.isUsable(clock.instant()))
                .orElseThrow(() -> new UserAccountService.AccountException("invitation.error.invalid"));
        long userId = accounts.createUser(username, displayName, email, password);
        if (!OneTimeCode.claim(() -> invitations.markAccepted(invitation.getId(), userId, clock.instant()) == 1)) {
            throw new UserAccountService.AccountException("invitation.error.taken");
        }
        events.publishEvent(AuditEvent.ofFacility(AuditAction.INVITATION_ACCEPTED, invitation.getFacilityId(),
                accounts.username(userId).orElseThrow(), "invitation " + invitation.getId()));
        facilityService.addMember(invitation.getFacilityId(), userId, invitation.getRole());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<InvitationSummary> list(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        if (!access.allows(facilityId, FacilityScope.EDIT)) {
            throw new AccessDeniedException("editors see the invitations");
        }
        return invitations.findByFacilityIdOrderByCreatedAtDesc(facilityId).stream()
                .map(i -> new InvitationSummary(i.getId(), i.getInviteeName(), i.getRole(), i.getCreatedAt(),
                        i.getExpiresAt(), i.getAcceptedAt()))
                .toList();
    }

    private Optional<Invitation> find(String code) {
        if (!OneTimeCode.plausible(code)) {
            return Optional.empty();
        }
        return invitations.findByCodeHash(OneTimeCode.hash(OneTimeCode.normalize(code)));
    }

    public record IssuedInvitation(long id, String code, Instant expiresAt) {
    }

    public record PendingInvitation(String facilityName, MemberRole role, String inviteeName, Instant expiresAt) {
    }

    public record InvitationSummary(long id, String inviteeName, MemberRole role, Instant createdAt, Instant expiresAt,
                                    Instant acceptedAt) {
    }
}
