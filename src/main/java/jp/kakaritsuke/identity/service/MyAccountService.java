package jp.kakaritsuke.identity.service;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.LoginThrottle.LoginRefusedException;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.mail.service.MailMessage;
import jp.kakaritsuke.mail.service.MailRecipient;
import jp.kakaritsuke.mail.service.MailService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A logged-in user's own account (「アカウント」): their password and their mail address. Both changes ask for the
 * current password, which the login throttle guards as at the login (a session left open is no way to guess it).
 * A new password ends the account's other sessions and sends a PASSWORD_CHANGED notice; a new address sends an
 * EMAIL_CHANGED notice to the previous one, so that the owner learns of a change they did not make.
 */
@Service
public class MyAccountService {

    /** The account as its owner sees it. */
    public record MyAccount(long userId, String username, String displayName, Optional<String> email) {
    }

    private final AppUserRepository users;
    private final UserAccountService accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final PasswordResetService resets;
    private final MailService mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DateTimeFormatter time;

    public MyAccountService(AppUserRepository users, UserAccountService accounts, PasswordEncoder passwordEncoder,
                            LoginThrottle throttle, PasswordResetService resets, MailService mail,
                            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.resets = resets;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.time = TimeFormat.MINUTE.in(clock);
    }

    @AnySignedInUser
    @Transactional(readOnly = true)
    public MyAccount me() {
        AppUser user = current();
        return new MyAccount(user.getId(), user.getUsername(), user.getDisplayName(), Optional.ofNullable(user.getEmail()));
    }

    /**
     * A new password, with the current one. Every problem at once ({@link AccountException}):
     * {@code accountPage.error.currentPassword}, {@code account.error.password*}, {@code account.error.mismatch};
     * {@code accountPage.error.locked} when the account is locked by failed logins. Returns the account's new session
     * stamp: the caller's session goes on with it, every other session of the account ends.
     */
    @AnySignedInUser
    @Transactional
    public long changePassword(String currentPassword, String newPassword, String confirm) {
        AppUser user = current();
        List<String> problems = new ArrayList<>();
        checkCurrentPassword(user, currentPassword, problems);
        PasswordPolicy.problem(user.getUsername(), newPassword).ifPresent(problems::add);
        if (!Objects.equals(newPassword, confirm)) {
            problems.add("account.error.mismatch");
        }
        if (!problems.isEmpty()) {
            throw new AccountException(problems);
        }
        long userId = user.getId();
        String username = user.getUsername();
        users.setPassword(userId, passwordEncoder.encode(PasswordPolicy.normalize(newPassword)));
        resets.endOpenLinks(userId);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.PASSWORD_CHANGED, username, null));
        resets.passwordChangedNotice(userId);
        return users.sessionStamp(userId);
    }

    /**
     * A new mail address, with the current password. Every problem at once ({@link AccountException}):
     * {@code email.error.*}, {@code account.error.emailTaken}, {@code accountPage.error.sameEmail},
     * {@code accountPage.error.currentPassword} / {@code accountPage.error.locked}.
     */
    @AnySignedInUser
    @Transactional
    public void changeEmail(String newEmail, String currentPassword) {
        AppUser user = current();
        List<String> problems = new ArrayList<>(EmailAddress.problems(newEmail));
        String normalized = problems.isEmpty() ? EmailAddress.normalize(newEmail) : null;
        if (normalized != null && normalized.equals(user.getEmail())) {
            problems.add("accountPage.error.sameEmail");
        } else if (normalized != null && users.findByEmail(normalized).isPresent()) {
            problems.add("account.error.emailTaken");
        }
        checkCurrentPassword(user, currentPassword, problems);
        if (!problems.isEmpty()) {
            throw new AccountException(problems);
        }
        long userId = user.getId();
        String username = user.getUsername();
        String displayName = user.getDisplayName();
        String previous = user.getEmail();
        try {
            users.setEmail(userId, normalized);
        } catch (DataIntegrityViolationException takenAMomentAgo) {
            throw new AccountException("account.error.emailTaken");
        }
        events.publishEvent(AuditEvent.ofAccount(AuditAction.EMAIL_CHANGED, username,
                previous == null ? "first address set" : "address replaced"));
        if (previous != null) {
            mail.queue(new MailMessage(MailKind.EMAIL_CHANGED,
                    new MailRecipient(new EmailAddress(previous), displayName, userId),
                    List.of(displayName, username, time.format(clock.instant()), normalized), null, null, null));
        }
    }

    /**
     * Adds {@code accountPage.error.locked} or {@code accountPage.error.currentPassword} when the password may not be
     * checked or is wrong; a wrong one counts as a failed login (in a transaction of its own: it stays counted when
     * this one rolls back); a right one ends the count, as a login does.
     */
    private void checkCurrentPassword(AppUser user, String currentPassword, List<String> problems) {
        try {
            throttle.checkAccount(user.getId());
        } catch (LoginRefusedException locked) {
            problems.add("accountPage.error.locked");
            return;
        }
        String raw = currentPassword == null ? "" : currentPassword;
        String normalized = PasswordPolicy.normalize(raw);
        // like the login (ThrottledAuthenticationProvider): passwords set before normalisation are checked as typed too
        boolean ok = !raw.isEmpty() && (passwordEncoder.matches(normalized, user.getPasswordHash())
                || (!normalized.equals(raw) && passwordEncoder.matches(raw, user.getPasswordHash())));
        if (ok) {
            throttle.succeededAccount(user.getId());
        } else {
            throttle.failedAccount(user.getId());
            problems.add("accountPage.error.currentPassword");
        }
    }

    private AppUser current() {
        return users.findById(accounts.requireCurrentUser().id()).orElseThrow();
    }
}
