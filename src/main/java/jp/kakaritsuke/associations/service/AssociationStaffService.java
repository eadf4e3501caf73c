package jp.kakaritsuke.associations.service;

import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationInvitation;
import jp.kakaritsuke.associations.domain.AssociationInvitationRepository;
import jp.kakaritsuke.associations.domain.AssociationInvitationRepository.Administrator;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.base.OneTimeCode;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An association's staff: its administrators, and invitations that make someone an administrator. Whoever sees an
 * association (system administrators, its own administrators and those of any association above it) manages its
 * staff; a sibling or a child association never does. The invitee sets their own password, or accepts with the account
 * they already have (a clinic director who also serves on the association's board).
 */
@Service
public class AssociationStaffService {

    static final Duration VALIDITY = Duration.ofDays(14);

    private final AssociationInvitationRepository invitations;
    private final AssociationRepository associations;
    private final AssociationAccess access;
    private final UserAccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public AssociationStaffService(AssociationInvitationRepository invitations, AssociationRepository associations,
                                   AssociationAccess access, UserAccountService accounts, Clock clock,
                                   ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.associations = associations;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Staff(Association association, List<Administrator> administrators, List<InvitationSummary> invitations) {
    }

    public record InvitationSummary(long id, String inviteeName, String invitedBy, Instant createdAt, Instant expiresAt,
                                    Instant acceptedAt, AssociationInvitation.Status status) {
    }

    public record IssuedInvitation(long id, String code, Instant expiresAt) {
    }

    /** What an invitee sees before accepting. Anonymous callers may ask; an unusable code looks like an unknown one. */
    public record PendingInvitation(String associationName, String inviteeName, Instant expiresAt) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Staff staff(long associationId) {
        access.requireVisible(associationId);
        Association association = associations.tree().get(associationId).orElseThrow();
        Instant now = clock.instant();
        List<AssociationInvitation> all = invitations.byAssociation(associationId);
        var issuers = invitations.displayNames(all.stream().map(AssociationInvitation::createdBy).distinct().toList());
        List<InvitationSummary> list = all.stream()
                .map(i -> new InvitationSummary(i.id(), i.inviteeName(), issuers.getOrDefault(i.createdBy(), ""), i.createdAt(),
                        i.expiresAt(), i.acceptedAt(), i.status(now)))
                .toList();
        return new Staff(association, invitations.administrators(associationId), list);
    }

    /** Creates an invitation; the returned code is shown once and not stored. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation invite(long associationId, String inviteeName) {
        CurrentUser user = access.requireVisible(associationId);
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
        Instant expires = now.plus(VALIDITY);
        long id = invitations.create(associationId, OneTimeCode.hash(code), inviteeName.strip(), user.id(), now, expires);
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_ISSUED, associationId, inviteeName.strip(),
                "invitation " + id));
        return new IssuedInvitation(id, code, expires);
    }

    /** Withdraws an open invitation (a code sent to the wrong person). An accepted one stays: remove the administrator. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void revoke(long invitationId) {
        // an invitation of an association the caller does not see is answered as one that does not exist
        AssociationInvitation invitation = invitations.findById(invitationId)
                .filter(i -> access.visible(access.requireVisibleUser()).contains(i.associationId()))
                .orElseThrow(() -> new jp.kakaritsuke.base.web.NotFoundException("invitation", String.valueOf(invitationId)));
        if (!invitations.markRevoked(invitationId, clock.instant())) {
            throw new InvalidInputException(List.of("associationStaff.error.notOpen"));
        }
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_REVOKED, invitation.associationId(),
                invitation.inviteeName(), "invitation " + invitationId));
    }

    /**
     * Removes an administrator. Nobody removes themselves: the association keeps at least the person who could invite
     * again, and a slip of the mouse cannot lock its staff out.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeAdministrator(long associationId, long userId) {
        CurrentUser user = access.requireVisible(associationId);
        if (user.id() == userId) {
            throw new InvalidInputException(List.of("associationStaff.error.removeSelf"));
        }
        if (!invitations.removeAdministrator(associationId, userId)) {
            throw new InvalidInputException(List.of("associationStaff.error.notAdministrator"));
        }
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_ADMIN_REMOVED, associationId,
                accounts.username(userId).orElse("#" + userId), null));
    }

    @Transactional(readOnly = true)
    public Optional<PendingInvitation> lookup(String code) {
        Instant now = clock.instant();
        return find(code).filter(i -> i.status(now) == AssociationInvitation.Status.OPEN)
                .flatMap(i -> associations.tree().get(i.associationId())
                        .map(a -> new PendingInvitation(a.name(), i.inviteeName(), i.expiresAt())));
    }

    /**
     * Accepts with a new account: creates the user and makes them an administrator in one transaction. An unknown,
     * used, revoked or expired code is refused with the same message, so codes cannot be probed.
     */
    @Transactional
    public long accept(String code, String username, String displayName, String email, String password) {
        AssociationInvitation invitation = requireOpen(code);
        long userId = accounts.createUser(username, displayName, email, password);
        use(invitation, userId);
        return userId;
    }

    /** Accepts with the account the caller is logged in with. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void acceptAsCurrentUser(String code) {
        AssociationInvitation invitation = requireOpen(code);
        use(invitation, accounts.requireCurrentUser().id());
    }

    private void use(AssociationInvitation invitation, long userId) {
        Instant now = clock.instant();
        // the conditional update decides between two people using the same code at the same moment
        if (!OneTimeCode.claim(() -> invitations.markAccepted(invitation.id(), userId, now))) {
            // the caller saw the code open a moment ago: say that someone else was faster (the rollback takes a
            // new account with it), not that the code is unknown
            throw new UserAccountService.AccountException("invitation.error.taken");
        }
        String username = accounts.username(userId).orElseThrow();
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_ACCEPTED, invitation.associationId(), username,
                "invitation " + invitation.id()));
        if (!invitations.isAdministrator(invitation.associationId(), userId)) {
            associations.addUser(invitation.associationId(), userId, now);
            events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_ADMIN_ADDED, invitation.associationId(),
                    username, null));
        }
    }

    private AssociationInvitation requireOpen(String code) {
        Instant now = clock.instant();
        return find(code).filter(i -> i.status(now) == AssociationInvitation.Status.OPEN)
                .orElseThrow(() -> new UserAccountService.AccountException("invitation.error.invalid"));
    }

    private Optional<AssociationInvitation> find(String code) {
        if (!OneTimeCode.plausible(code)) {
            return Optional.empty();
        }
        return invitations.findByCodeHash(OneTimeCode.hash(OneTimeCode.normalize(code)));
    }
}
