package jp.kakaritsuke.facility.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.OneTimeCode;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.facility.domain.Facility;
import jp.kakaritsuke.facility.domain.FacilityRepository;
import jp.kakaritsuke.facility.domain.Invitation;
import jp.kakaritsuke.facility.domain.InvitationRepository;
import jp.kakaritsuke.base.InvitationState;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.mail.service.MailMessage;
import jp.kakaritsuke.mail.service.MailRecipient;
import jp.kakaritsuke.mail.service.MailService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * Invitations: administrators and a facility's editors invite editors or viewers to it, and an association's
 * administrator invites the first editor of a member facility nobody has joined yet (one it registered by import) —
 * the members' consent covers seeing results, not staffing.
 * <p>
 * With an address, the invitation goes out by mail (FACILITY_INVITATION, with the link); without one, the inviter hands
 * the code or link over in person. Either way the invitee opens the one-time link (or types the code) and sets their
 * own password; we never see or send it. An open invitation can be revoked; an open or expired one can be resent,
 * which gives it a new code, expiry and mail and kills the old link.
 */
@Service
public class InvitationService {

    static final Duration VALIDITY = Duration.ofDays(14);

    private final InvitationRepository invitations;
    private final FacilityRepository facilities;
    private final FacilityAccess access;
    private final FacilityService facilityService;
    private final UserAccountService accounts;
    private final MailService mail;
    private final PublicLinks links;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public InvitationService(InvitationRepository invitations, FacilityRepository facilities, FacilityAccess access,
                             FacilityService facilityService, UserAccountService accounts, MailService mail,
                             PublicLinks links, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.facilities = facilities;
        this.access = access;
        this.facilityService = facilityService;
        this.accounts = accounts;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
    }

    /** An invitation handed over in person (no mail): the returned code is shown once and not stored. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation invite(long facilityId, MemberRole role, String inviteeName) {
        return invite(facilityId, role, inviteeName, null);
    }

    /**
     * Creates an invitation; with an address ({@code email} not blank) it is mailed with its link in the same
     * transaction (the mail exists exactly when the invitation does). Every problem of the input comes back at once
     * ({@link InvalidInputException}: {@code invitation.error.name…}, {@code email.error.…}).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation invite(long facilityId, MemberRole role, String inviteeName, String email) {
        CurrentUser user = requireInviter(facilityId, role);
        List<String> problems = new ArrayList<>(nameProblems(inviteeName));
        if (email != null && !email.isBlank()) {
            problems.addAll(EmailAddress.problems(email));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<EmailAddress> address = EmailAddress.parseOptional(email);
        String code = OneTimeCode.generate();
        Instant now = clock.instant();
        Invitation invitation = invitations.save(new Invitation(facilityId, role, OneTimeCode.hash(code), inviteeName.strip(),
                address.map(EmailAddress::value).orElse(null), user.id(), now, now.plus(VALIDITY)));
        // the subject is the invitee's name as written (there is no account yet); never the code
        events.publishEvent(AuditEvent.ofFacility(AuditAction.INVITATION_ISSUED, facilityId, invitation.getInviteeName(),
                "invitation " + invitation.getId() + ", " + role.name() + (address.isPresent() ? ", by mail" : "")));
        return issued(invitation.getId(), facilityId, role, invitation.getInviteeName(), address, code,
                invitation.getExpiresAt(), user);
    }

    /**
     * Resends an open or expired invitation: a new code (the old link stops working), a new expiry, and a mail to
     * {@code email} (the address may be corrected here; blank means the new code is handed over in person). Who may
     * invite to the facility may resend; an accepted or revoked invitation is refused ({@code invitation.error.notOpen}).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedInvitation resend(long invitationId, String email) {
        Invitation invitation = load(invitationId);
        CurrentUser user = requireInviter(invitation.getFacilityId(), invitation.getRole());
        if (email != null && !email.isBlank() && !EmailAddress.problems(email).isEmpty()) {
            throw new InvalidInputException(EmailAddress.problems(email));
        }
        Optional<EmailAddress> address = EmailAddress.parseOptional(email);
        String code = OneTimeCode.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        if (invitations.renew(invitationId, OneTimeCode.hash(code), address.map(EmailAddress::value).orElse(null), now,
                expires) != 1) {
            throw new InvalidInputException(List.of("invitation.error.notOpen"));
        }
        events.publishEvent(AuditEvent.ofFacility(AuditAction.INVITATION_RESENT, invitation.getFacilityId(),
                invitation.getInviteeName(), "invitation " + invitationId + (address.isPresent() ? ", by mail" : "")));
        return issued(invitationId, invitation.getFacilityId(), invitation.getRole(), invitation.getInviteeName(), address,
                code, expires, user);
    }

    /** Revokes an open invitation (sent to the wrong person, no longer wanted): its link stops working at once. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void revoke(long invitationId) {
        Invitation invitation = load(invitationId);
        requireInviter(invitation.getFacilityId(), invitation.getRole());
        if (invitations.markRevoked(invitationId, clock.instant()) != 1) {
            throw new InvalidInputException(List.of("invitation.error.notOpen"));
        }
        events.publishEvent(AuditEvent.ofFacility(AuditAction.INVITATION_REVOKED, invitation.getFacilityId(),
                invitation.getInviteeName(), "invitation " + invitationId));
    }

    /**
     * What an invitee sees before accepting: which facility and role, and the name and address the inviter gave (to
     * fill in the form). Anonymous callers may ask; only an open invitation answers.
     */
    @Transactional(readOnly = true)
    @Anyone("the one-time invitation code is the credential; only an open invitation answers")
    public Optional<PendingInvitation> lookup(String code) {
        return find(code).filter(i -> i.isUsable(clock.instant()))
                .flatMap(i -> facilities.findById(i.getFacilityId())
                        .map(f -> new PendingInvitation(f.getName(), i.getRole(), i.getInviteeName(),
                                Optional.ofNullable(i.getInviteeEmail()).map(EmailAddress::new), i.getExpiresAt())));
    }

    /**
     * Accepts an invitation: creates the account and the membership in one transaction. An unknown, used, revoked or
     * expired code is refused with the same message, so codes cannot be probed; the account's fields are only judged
     * (every problem at once) once the code is good, so nobody learns without a code which names or addresses are
     * taken. Whoever loses a race for the same code (both saw it open) is told so ({@code invitation.error.taken}),
     * and the rollback takes their new account with it.
     */
    @Transactional
    @Anyone("the one-time invitation code is the credential")
    public void accept(String code, String username, String displayName, String email, String password) {
        accept(code, username, displayName, email, password, password);
    }

    /** Accepts with the password typed twice: a second one that differs comes back with every other problem. */
    @Transactional
    @Anyone("the one-time invitation code is the credential")
    public void accept(String code, String username, String displayName, String email, String password,
                       String passwordAgain) {
        Invitation invitation = requireOpen(code);
        long userId = accounts.createUser(username, displayName, email, password, passwordAgain);
        use(invitation, userId);
    }

    /**
     * Accepts an invitation with the account the caller is logged in with (someone already working for another
     * facility). Refused when they already belong to the facility ({@code invitation.error.alreadyMember}); the code
     * stays open then.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void acceptAsCurrentUser(String code) {
        Invitation invitation = requireOpen(code);
        CurrentUser user = accounts.requireCurrentUser();
        if (access.roleIn(invitation.getFacilityId()).isPresent()) {
            throw new UserAccountService.AccountException("invitation.error.alreadyMember");
        }
        use(invitation, user.id());
    }

    /** The facility's invitations, newest first, with their state: for its editors and administrators. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<InvitationSummary> list(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        if (!access.allows(facilityId, FacilityScope.EDIT)) {
            throw new AccessDeniedException("editors see the invitations");
        }
        Instant now = clock.instant();
        return invitations.findByFacilityIdOrderByCreatedAtDesc(facilityId).stream()
                .map(i -> new InvitationSummary(i.getId(), i.getInviteeName(), Optional.ofNullable(i.getInviteeEmail()).map(EmailAddress::new),
                        i.getRole(), i.state(now), i.getCreatedAt(), i.getExpiresAt(), i.getAcceptedAt(),
                        i.getRevokedAt(), i.getResentAt()))
                .toList();
    }

    /**
     * The caller, if they may invite to the facility with this role: administrators and the facility's editors any
     * role; an association's administrator (a grant) only the first editor of a facility nobody has joined yet.
     */
    private CurrentUser requireInviter(long facilityId, MemberRole role) {
        CurrentUser current = access.currentUser();
        // a grant reaches only an empty facility; once someone has joined, its own editors decide who comes in
        boolean granted = !current.admin() && access.roleIn(facilityId).isEmpty()
                && access.grantedFirstEditor(current.id(), facilityId) && !access.hasMembers(facilityId);
        if (granted) {
            if (role != MemberRole.EDITOR) {
                throw new AccessDeniedException("an association invites the first editor only");
            }
            return current;
        }
        return access.requireEdit(facilityId);
    }

    private void use(Invitation invitation, long userId) {
        if (!OneTimeCode.claim(() -> invitations.markAccepted(invitation.getId(), invitation.getCodeHash(), userId,
                clock.instant()) == 1)) {
            // the caller saw the code open a moment ago: someone else was faster (or it was just revoked or resent)
            throw new UserAccountService.AccountException("invitation.error.taken");
        }
        events.publishEvent(AuditEvent.ofFacility(AuditAction.INVITATION_ACCEPTED, invitation.getFacilityId(),
                accounts.username(userId).orElseThrow(), "invitation " + invitation.getId()));
        facilityService.addMember(invitation.getFacilityId(), userId, invitation.getRole());
    }

    private Invitation requireOpen(String code) {
        return find(code).filter(i -> i.isUsable(clock.instant()))
                .orElseThrow(() -> new UserAccountService.AccountException("invitation.error.invalid"));
    }

    private IssuedInvitation issued(long id, long facilityId, MemberRole role, String inviteeName,
                                    Optional<EmailAddress> address, String code, Instant expires, CurrentUser inviter) {
        URI link = links.link("invite/" + code);
        address.ifPresent(to -> {
            String facilityName = facilities.findById(facilityId).map(Facility::getName).orElseThrow();
            mail.queue(new MailMessage(MailKind.FACILITY_INVITATION, MailRecipient.of(to, inviteeName),
                    List.of(inviteeName, facilityName, roleLabel(role, AppI18NProvider.JAPANESE),
                            roleLabel(role, AppI18NProvider.ENGLISH), inviter.displayName(),
                            TimeFormat.MINUTE.in(clock).format(expires)),
                    link, facilityId, null));
        });
        return new IssuedInvitation(id, code, expires, link, address);
    }

    private static String roleLabel(MemberRole role, java.util.Locale locale) {
        return AppI18NProvider.bundle(locale).getString("memberRole." + role.name());
    }

    private static List<String> nameProblems(String inviteeName) {
        if (inviteeName == null || inviteeName.isBlank() || inviteeName.length() > 200) {
            return List.of("invitation.error.name");
        }
        // the invitee's name goes into the invitation-codes CSV, the mail and the member list (base.TextRules)
        return TextRules.problems("invitation.error.name", inviteeName);
    }

    private Invitation load(long invitationId) {
        return invitations.findById(invitationId)
                .orElseThrow(() -> new NotFoundException("invitation", String.valueOf(invitationId)));
    }

    private Optional<Invitation> find(String code) {
        if (!OneTimeCode.plausible(code)) {
            return Optional.empty();
        }
        return invitations.findByCodeHash(OneTimeCode.hash(OneTimeCode.normalize(code)));
    }

    /**
     * A new invitation or a resent one: the code and link are shown once to the inviter (to copy, or to hand over in
     * person); {@code mailedTo} is where the mail went, empty when none was sent.
     */
    public record IssuedInvitation(long id, String code, Instant expiresAt, URI link, Optional<EmailAddress> mailedTo) {
    }

    public record PendingInvitation(String facilityName, MemberRole role, String inviteeName,
                                    Optional<EmailAddress> inviteeEmail, Instant expiresAt) {
    }

    public record InvitationSummary(long id, String inviteeName, Optional<EmailAddress> inviteeEmail, MemberRole role,
                                    InvitationState state, Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt,
                                    @Nullable Instant revokedAt, @Nullable Instant resentAt) {
    }
}
