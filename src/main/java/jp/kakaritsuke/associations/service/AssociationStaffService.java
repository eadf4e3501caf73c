package jp.kakaritsuke.associations.service;

import jp.kakaritsuke.base.InvitationState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.mail.service.MailMessage;
import jp.kakaritsuke.mail.service.MailRecipient;
import jp.kakaritsuke.mail.service.MailService;
import org.springframework.context.ApplicationEventPublisher;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationInvitation;
import jp.kakaritsuke.associations.domain.AssociationInvitationRepository;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.base.OneTimeCode;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An association's staff: its administrators, and invitations that make someone an administrator. Whoever sees an
 * association (system administrators, its own administrators and those of any association above it) manages its
 * staff; a sibling or a child association never does. The invitee sets their own password, or accepts with the account
 * they already have (a clinic director who also serves on the association's board). With an address, the invitation
 * goes out by mail (ASSOCIATION_INVITATION, the link to the acceptance page); without one, the code is handed over in
 * person as before. A resend replaces the code (the old link stops working), sets a new expiry and mails again.
 */
@Service
public class AssociationStaffService {

    static final Duration VALIDITY = Duration.ofDays(14);
    /** How mails write a moment (in the injected clock's zone). */

    private final AssociationInvitationRepository invitations;
    private final AssociationRepository associations;
    private final AssociationAccess access;
    private final UserAccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MailService mail;
    private final PublicLinks links;

    public AssociationStaffService(AssociationInvitationRepository invitations, AssociationRepository associations,
                                   AssociationAccess access, UserAccountService accounts, Clock clock,
                                   ApplicationEventPublisher events, MailService mail, PublicLinks links) {
        this.events = events;
        this.mail = mail;
        this.links = links;
        this.invitations = invitations;
        this.associations = associations;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Staff(Association association, List<Administrator> administrators, List<InvitationSummary> invitations) {
    }

    /** An administrator of an association, with their names, and since when. */
    public record Administrator(long userId, String displayName, String username, Instant since) {
    }

    /** One invitation as the staff page lists it; {@code inviteeEmail} is empty for a code handed over in person. */
    public record InvitationSummary(long id, String inviteeName, String invitedBy, Instant createdAt, Instant expiresAt,
                                    Instant acceptedAt, InvitationState status, Optional<String> inviteeEmail,
                                    Optional<Instant> resentAt) {

        /** Open or expired (not accepted, not revoked): a resend gives it a new code and expiry. */
        public boolean resendable() {
            return status == InvitationState.OPEN || status == InvitationState.EXPIRED;
        }
    }

    /**
     * A code just issued (or replaced by a resend): shown once, never stored. {@code link} is the acceptance page's
     * absolute address ({@code app.public-url}); {@code mailedTo} the address the mail was queued to, if any.
     */
    public record IssuedInvitation(long id, String code, Instant expiresAt, URI link, Optional<String> mailedTo) {
    }

    /**
     * What an invitee sees before accepting, and what their form starts with (the name and address they were invited
     * under). Anonymous callers may ask with the code; an unusable code looks like an unknown one.
     */
    public record PendingInvitation(String associationName, String inviteeName, Instant expiresAt,
                                    Optional<String> inviteeEmail) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Staff staff(long associationId) {
        access.requireVisible(associationId);
        Association association = associations.tree().get(associationId).orElseThrow();
        Instant now = clock.instant();
        List<AssociationInvitation> all = invitations.findByAssociationIdOrderByCreatedAtDescIdDesc(associationId);
        List<AssociationRepository.Appointment> appointments = associations.administrators(associationId);
        Set<Long> people = new HashSet<>();
        all.forEach(i -> people.add(i.getCreatedBy()));
        appointments.forEach(a -> people.add(a.userId()));
        Map<Long, UserAccountService.AccountName> names = accounts.accountNames(people);
        List<InvitationSummary> list = all.stream()
                .map(i -> new InvitationSummary(i.getId(), i.getInviteeName(),
                        Optional.ofNullable(names.get(i.getCreatedBy())).map(UserAccountService.AccountName::displayName).orElse(""),
                        i.getCreatedAt(), i.getExpiresAt(), i.getAcceptedAt(), i.state(now),
                        Optional.ofNullable(i.getInviteeEmail()), Optional.ofNullable(i.getResentAt())))
                .toList();
        List<Administrator> administrators = appointments.stream()
                .filter(a -> names.containsKey(a.userId()))
                .map(a -> new Administrator(a.userId(), names.get(a.userId()).displayName(), names.get(a.userId()).username(),
                        a.since()))
                .toList();
        return new Staff(association, administrators, list);
    }

    /** Creates an invitation to hand over in person (no mail); the returned code is shown once and not stored. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation invite(long associationId, String inviteeName) {
        return invite(associationId, inviteeName, null);
    }

    /**
     * Creates an invitation; the returned code is shown once and not stored. With an address ({@code inviteeEmail}
     * not blank) the link is mailed too, queued in this transaction: an invitation that is not created sends nothing.
     * Every problem with the input comes back at once.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation invite(long associationId, String inviteeName, String inviteeEmail) {
        CurrentUser user = access.requireVisible(associationId);
        List<String> problems = new ArrayList<>(inviteeProblems(inviteeName));
        Optional<EmailAddress> address = Optional.empty();
        if (inviteeEmail != null && !inviteeEmail.isBlank()) {
            problems.addAll(EmailAddress.problems(inviteeEmail));
            address = EmailAddress.parse(inviteeEmail);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = inviteeName.strip();
        String code = OneTimeCode.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        long id = invitations.save(new AssociationInvitation(associationId, OneTimeCode.hash(code), name,
                address.map(EmailAddress::value).orElse(null), user.id(), now, expires)).getId();
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_ISSUED, associationId, name,
                "invitation " + id + (address.isPresent() ? ", by mail" : "")));
        address.ifPresent(to -> mailInvitation(associationId, name, to, code, expires, user));
        return new IssuedInvitation(id, code, expires, link(code), address.map(EmailAddress::value));
    }

    /**
     * Sends an invitation again: a new code (the old link stops working), a new expiry, and a new mail when it has an
     * address. Open and expired invitations can be resent; an accepted or revoked one cannot (invite anew instead).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation resend(long invitationId) {
        CurrentUser user = access.currentUser();
        AssociationInvitation invitation = visibleInvitation(user, invitationId);
        String code = OneTimeCode.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        // read before the UPDATE: it clears the persistence context
        long associationId = invitation.getAssociationId();
        String inviteeName = invitation.getInviteeName();
        Optional<EmailAddress> address = Optional.ofNullable(invitation.getInviteeEmail()).flatMap(EmailAddress::parse);
        if (invitations.renew(invitationId, OneTimeCode.hash(code), now, expires) != 1) {
            throw new InvalidInputException(List.of("associationStaff.error.notOpen"));
        }
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_RESENT, associationId,
                inviteeName, "invitation " + invitationId + (address.isPresent() ? ", by mail" : "")));
        address.ifPresent(to -> mailInvitation(associationId, inviteeName, to, code, expires, user));
        return new IssuedInvitation(invitationId, code, expires, link(code), address.map(EmailAddress::value));
    }

    /** The rule for an invitee's name, for the form and this service alike: message keys, empty when fine. */
    public static List<String> inviteeProblems(String inviteeName) {
        if (inviteeName == null || inviteeName.isBlank() || inviteeName.length() > 200) {
            return List.of("invitation.error.name");
        }
        // the invitee's name goes into the invitation-codes CSV and onto the member list (base.TextRules)
        return TextRules.problems("invitation.error.name", inviteeName);
    }

    private void mailInvitation(long associationId, String inviteeName, EmailAddress to, String code, Instant expires,
                                CurrentUser inviter) {
        String associationName = associations.tree().get(associationId).map(Association::name).orElseThrow();
        String inviterName = accounts.displayName(inviter.id()).orElse(inviter.username());
        mail.queue(new MailMessage(MailKind.ASSOCIATION_INVITATION, MailRecipient.of(to, inviteeName),
                List.of(inviteeName, associationName, inviterName, TimeFormat.MINUTE.in(clock).format(expires)),
                link(code), null, associationId));
    }

    private URI link(String code) {
        return links.link("association-invite/" + code);
    }

    /** An invitation of an association the caller sees; any other is answered as one that does not exist. */
    private AssociationInvitation visibleInvitation(CurrentUser user, long invitationId) {
        return invitations.findById(invitationId)
                .filter(i -> access.visible(user).contains(i.getAssociationId()))
                .orElseThrow(() -> new jp.kakaritsuke.base.NotFoundException("invitation", String.valueOf(invitationId)));
    }

    /** Withdraws an open invitation (a code sent to the wrong person). An accepted one stays: remove the administrator. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void revoke(long invitationId) {
        // an invitation of an association the caller does not see is answered as one that does not exist
        AssociationInvitation invitation = visibleInvitation(access.currentUser(), invitationId);
        if (invitations.markRevoked(invitationId, clock.instant()) != 1) {
            throw new InvalidInputException(List.of("associationStaff.error.notOpen"));
        }
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_REVOKED, invitation.getAssociationId(),
                invitation.getInviteeName(), "invitation " + invitationId));
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
        if (!associations.removeAdministrator(associationId, userId)) {
            throw new InvalidInputException(List.of("associationStaff.error.notAdministrator"));
        }
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_ADMIN_REMOVED, associationId,
                accounts.username(userId).orElse("#" + userId), null));
    }

    @Transactional(readOnly = true)
    @Anyone("the one-time invitation code is the credential; only an open invitation answers")
    public Optional<PendingInvitation> lookup(String code) {
        Instant now = clock.instant();
        return find(code).filter(i -> i.isUsable(now))
                .flatMap(i -> associations.tree().get(i.getAssociationId())
                        .map(a -> new PendingInvitation(a.name(), i.getInviteeName(), i.getExpiresAt(),
                                Optional.ofNullable(i.getInviteeEmail()))));
    }

    /**
     * Accepts with a new account: creates the user and makes them an administrator in one transaction. An unknown,
     * used, revoked or expired code is refused with the same message, so codes cannot be probed.
     */
    @Transactional
    @Anyone("the one-time invitation code is the credential")
    public long accept(String code, String username, String displayName, String email, String password) {
        return accept(code, username, displayName, email, password, password);
    }

    /**
     * Accepts with a new account whose password was typed twice. Every problem comes back at once (the account's and
     * a second password that differs), so the form marks every field to fix in one go; nothing is kept unless all is
     * well (a refused attempt rolls the new account back). An unusable code is said alone: whoever holds no valid
     * code learns nothing about which user names or addresses are taken.
     */
    @Transactional
    @Anyone("the one-time invitation code is the credential")
    public long accept(String code, String username, String displayName, String email, String password,
                       String passwordAgain) {
        AssociationInvitation invitation = requireOpen(code);
        long userId = accounts.createUser(username, displayName, email, password, passwordAgain);
        use(invitation, userId);
        return userId;
    }

    /** Accepts with the account the caller is logged in with. */
    @Transactional
    @AnySignedInUser
    public void acceptAsCurrentUser(String code) {
        AssociationInvitation invitation = requireOpen(code);
        use(invitation, accounts.requireCurrentUser().id());
    }

    private void use(AssociationInvitation invitation, long userId) {
        Instant now = clock.instant();
        // the conditional update decides between two people using the same code at the same moment
        if (!OneTimeCode.claim(() -> invitations.markAccepted(invitation.getId(), invitation.getCodeHash(), userId, now) == 1)) {
            // the caller saw the code open a moment ago: say that someone else was faster (the rollback takes a
            // new account with it), not that the code is unknown
            throw new UserAccountService.AccountException("invitation.error.taken");
        }
        String username = accounts.username(userId).orElseThrow();
        long associationId = invitation.getAssociationId();
        events.publishEvent(AuditEvent.ofAssociation(AuditAction.INVITATION_ACCEPTED, associationId, username,
                "invitation " + invitation.getId()));
        if (!associations.isAdministrator(associationId, userId)) {
            associations.addUser(associationId, userId, now);
            events.publishEvent(AuditEvent.ofAssociation(AuditAction.ASSOCIATION_ADMIN_ADDED, associationId,
                    username, null));
        }
    }

    private AssociationInvitation requireOpen(String code) {
        Instant now = clock.instant();
        return find(code).filter(i -> i.isUsable(now))
                .orElseThrow(() -> new UserAccountService.AccountException("invitation.error.invalid"));
    }

    private Optional<AssociationInvitation> find(String code) {
        if (!OneTimeCode.plausible(code)) {
            return Optional.empty();
        }
        return invitations.findByCodeHash(OneTimeCode.hash(OneTimeCode.normalize(code)));
    }
}
