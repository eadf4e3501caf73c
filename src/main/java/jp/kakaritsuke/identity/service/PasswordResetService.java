package jp.kakaritsuke.identity.service;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.OneTimeCode;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.PasswordResetToken;
import jp.kakaritsuke.identity.domain.PasswordResetTokenRepository;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.mail.service.MailMessage;
import jp.kakaritsuke.mail.service.MailRecipient;
import jp.kakaritsuke.mail.service.MailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password reset by a one-time link (issue 13, docs/accounts.b.md).
 * <ul>
 * <li>Anyone may ask for a link by mail address ({@link #request}); the answer is always the same and comes before
 * anything is looked up (the work runs in the background), so neither the words nor the time tell whether the
 * address belongs to an account. At most {@code app.password-reset.max-per-hour} requested links per account and
 * hour (more requests are dropped, silently); disabled accounts get none.</li>
 * <li>The link carries 256 random bits; only their SHA-256 is stored. It works for {@code app.password-reset.validity}
 * (30 minutes), once: a conditional UPDATE uses it up, so two clicks never both set a password; a new password,
 * however set, ends every other open link of the account.</li>
 * <li>The new password follows {@link PasswordPolicy}; it ends every session of the account (the stamp), ends a
 * temporary login lock, and a PASSWORD_CHANGED notice goes to the account's address.</li>
 * </ul>
 */
@Service
public class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    /** Path of the reset page; the token follows. */
    public static final String RESET_PATH = "reset-password/";
    public static final String FORGOT_PATH = "forgot-password";

    /** A usable link: whose account it opens (the page greets them and reminds them of their user name). */
    public record ResetLink(String username, String displayName, Instant expiresAt) {
    }

    /** A password set through a link; {@code stillLocked}: the account waits for an administrator's unlock. */
    public record ResetDone(String username, boolean stillLocked) {
    }

    private final AppUserRepository users;
    private final PasswordResetTokenRepository tokens;
    private final MailService mail;
    private final PublicLinks links;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration validity;
    private final int maxPerHour;
    private final DateTimeFormatter time;
    /**
     * One background thread for requests, with a bounded queue: a flood of requests cannot grow memory, and what does
     * not fit is dropped (logged), which an attacker could cause but not see.
     */
    private final ThreadPoolExecutor requests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(500), runnable -> {
                Thread thread = new Thread(runnable, "password-reset-requests");
                thread.setDaemon(true);
                return thread;
            });

    public PasswordResetService(AppUserRepository users, PasswordResetTokenRepository tokens, MailService mail,
                                PublicLinks links, PasswordEncoder passwordEncoder, LoginThrottle throttle,
                                ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
                                @Value("${app.password-reset.validity:30m}") Duration validity,
                                @Value("${app.password-reset.max-per-hour:3}") int maxPerHour) {
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.validity = validity;
        this.maxPerHour = maxPerHour;
        this.time = TimeFormat.MINUTE.in(clock);
    }

    /** How long a link works ({@code app.password-reset.validity}). */
    @Anyone("a setting; reads nothing")
    public Duration validity() {
        return validity;
    }

    @PreDestroy
    void stop() {
        requests.shutdown();
    }

    /**
     * Someone asks for a reset link for {@code address}. Refuses only an input that is not a mail address at all
     * ({@link InvalidInputException} with {@code email.error.*}); otherwise returns at once, before the address is
     * looked up. The future completes when the request has been handled (tests wait for it; the page does not).
     */
    @Anyone("the same answer for any address; the link goes to the account's own address")
    public CompletableFuture<Void> request(String address) {
        List<String> problems = EmailAddress.problems(address);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, List.of("email"));
        }
        String normalized = EmailAddress.normalize(address);
        String from = remoteAddress();
        try {
            return CompletableFuture.runAsync(() -> {
                try {
                    transaction.executeWithoutResult(status -> handle(normalized, from));
                } catch (RuntimeException e) {
                    log.error("A password reset request could not be handled", e);
                }
            }, requests);
        } catch (RejectedExecutionException e) {
            log.warn("Password reset request dropped: {} requests are waiting", requests.getQueue().size());
            return CompletableFuture.completedFuture(null);
        }
    }

    private void handle(String address, String from) {
        Optional<AppUser> found = users.findByEmail(address);
        if (found.isEmpty() || !found.get().isEnabled()) {
            log.info("Password reset asked from {} for an address of no enabled account", LoginThrottle.sanitize(from));
            return;
        }
        // one request at a time per account (several nodes too): the limit below counts exactly
        AppUser user = users.lockById(found.get().getId()).orElseThrow();
        Instant now = clock.instant();
        if (tokens.countByUserIdAndForcedFalseAndCreatedAtGreaterThanEqual(user.getId(), now.minus(Duration.ofHours(1))) >= maxPerHour) {
            log.warn("Password reset for '{}' asked from {}: not sent, {} links in the last hour already", user.getUsername(),
                    LoginThrottle.sanitize(from), maxPerHour);
            return;
        }
        tokens.deleteOlderThan(user.getId(), now.minus(Duration.ofDays(1)));
        issue(user.getId(), false);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.PASSWORD_RESET_REQUESTED, user.getUsername(),
                from == null ? null : "asked from " + LoginThrottle.sanitize(from)));
    }

    /**
     * A new link for the account, mailed to its address in the caller's transaction (which must exist); for a forced
     * reset (an administrator's) too. The account must have an address.
     */
    void issue(long userId, boolean forced) {
        AppUser user = users.findById(userId).orElseThrow();
        EmailAddress to = new EmailAddress(Objects.requireNonNull(user.getEmail(), "the account has no address"));
        String token = OneTimeCode.randomToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        tokens.save(new PasswordResetToken(users.getReferenceById(userId), OneTimeCode.hash(token), forced, now, expiresAt));
        mail.queue(new MailMessage(MailKind.PASSWORD_RESET, new MailRecipient(to, user.getDisplayName(), user.getId()),
                List.of(user.getDisplayName(), user.getUsername(), time.format(expiresAt)), links.link(RESET_PATH + token),
                null, null));
    }

    /** The account a link opens, if it still works (unused, not expired, the account enabled). Looking does not use it up. */
    @Transactional(readOnly = true)
    @Anyone("the one-time link's token is the credential")
    public Optional<ResetLink> lookup(String token) {
        return usable(token).map(t -> new ResetLink(t.getUser().getUsername(), t.getUser().getDisplayName(), t.getExpiresAt()));
    }

    /**
     * Sets the new password through the link. Every problem with the password at once ({@link AccountException}:
     * {@code account.error.password*}, {@code account.error.mismatch}); a link that no longer works (used, expired, or
     * used a moment ago by another click) is {@link InvalidInputException} {@code passwordReset.error.link}. The link
     * is used up only when the password is accepted.
     */
    @Transactional
    @Anyone("the one-time link's token is the credential")
    public ResetDone reset(String token, String password, String confirm) {
        PasswordResetToken link = usable(token).orElseThrow(PasswordResetService::deadLink);
        AppUser user = link.getUser();
        List<String> problems = new ArrayList<>();
        PasswordPolicy.problem(user.getUsername(), password).ifPresent(problems::add);
        if (!Objects.equals(password, confirm)) {
            problems.add("account.error.mismatch");
        }
        if (!problems.isEmpty()) {
            throw new AccountException(problems);
        }
        long userId = user.getId();
        String username = user.getUsername();
        // hashed before the link is claimed: the claim's row lock is held for as short a time as possible
        String hash = passwordEncoder.encode(PasswordPolicy.normalize(password));
        Instant now = clock.instant();
        if (!OneTimeCode.claim(() -> tokens.use(link.getId(), now) == 1)) {
            throw deadLink();
        }
        users.setPassword(userId, hash);
        tokens.useAllOf(userId, now);
        boolean stillLocked = throttle.passwordReset(userId);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.PASSWORD_RESET, username,
                link.isForced() ? "with the link of a forced reset" : "with a requested link"));
        passwordChangedNotice(userId);
        return new ResetDone(username, stillLocked);
    }

    /** After any new password: the notice to the account's address (if it has one), in the caller's transaction. */
    void passwordChangedNotice(long userId) {
        AppUser user = users.findById(userId).orElseThrow();
        if (user.getEmail() == null) {
            return;
        }
        mail.queue(new MailMessage(MailKind.PASSWORD_CHANGED,
                new MailRecipient(new EmailAddress(user.getEmail()), user.getDisplayName(), user.getId()),
                List.of(user.getDisplayName(), user.getUsername(), time.format(clock.instant())),
                links.link(FORGOT_PATH), null, null));
    }

    /** Every open link of the account dies (a new password was set another way). */
    void endOpenLinks(long userId) {
        tokens.useAllOf(userId, clock.instant());
    }

    private Optional<PasswordResetToken> usable(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(OneTimeCode.hash(token)).filter(t -> t.usableAt(now) && t.getUser().isEnabled());
    }

    private static InvalidInputException deadLink() {
        return new InvalidInputException(List.of("passwordReset.error.link"));
    }

    /** The requester's address, for the record (the request is handled on another thread, without it). */
    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
