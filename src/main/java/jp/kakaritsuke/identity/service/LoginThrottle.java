package jp.kakaritsuke.identity.service;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.LoginNameFailureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * Brute-force protection for password logins, consulted BEFORE the password hash is computed, so that an attack costs
 * the server a database lookup instead of a bcrypt/PBKDF2 run.
 * <ul>
 * <li>Per account (in the database, so it holds across restarts and nodes): every {@code lockAfter} consecutive
 * failures lock the account for {@code lockMinutes}, doubled at each further lock (5, 10, 20 minutes by default);
 * after {@code adminUnlockAfter} consecutive failures it stays locked until an administrator unlocks it. A successful
 * login resets the count. Unknown user names are counted the same way, also in the database (table
 * {@code login_name_failure}, at most {@code trackedAddresses} names), so the answer does not tell whether an
 * account exists — on one node or several.</li>
 * <li>Per address (in memory, at most {@code trackedAddresses} entries, least recently used dropped): after
 * {@code addressMaxFailures} failures within {@code addressWindowMinutes} the address is refused until the window
 * ends. IPv6 addresses count per /64, which one subscriber usually holds whole. Per node: behind a balancer of N
 * nodes an address gets up to N times the limit (the account lock, in the database, still caps each account).</li>
 * </ul>
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    public enum Reason { ACCOUNT_LOCKED, ADDRESS_BLOCKED }

    /** A login refused before the password was checked. A {@link LockedException}, so Spring publishes a failure event. */
    public static class LoginRefusedException extends LockedException {
        private final Reason reason;

        public LoginRefusedException(Reason reason) {
            super(reason == Reason.ACCOUNT_LOCKED ? "account temporarily locked" : "too many failed logins from this address");
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** An account with failed logins, as the administrators' list shows it; {@code lockedUntil} null with locked = until unlocked. */
    public record LockedAccount(long userId, String username, String displayName, int failedLogins, boolean locked,
                                @Nullable Instant lockedUntil) {
    }

    private final AppUserRepository users;
    private final LoginNameFailureRepository unknownNames;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int lockAfter;
    private final Duration lockDuration;
    private final int adminUnlockAfter;
    private final int addressMaxFailures;
    private final Duration addressWindow;
    private final BoundedCounters addresses;
    private final int trackedNames;

    public LoginThrottle(AppUserRepository users, LoginNameFailureRepository unknownNames, ApplicationEventPublisher events,
                         Clock clock,
                         @Value("${app.login.lock-after:5}") int lockAfter,
                         @Value("${app.login.lock-minutes:5}") int lockMinutes,
                         @Value("${app.login.admin-unlock-after:20}") int adminUnlockAfter,
                         @Value("${app.login.address-max-failures:20}") int addressMaxFailures,
                         @Value("${app.login.address-window-minutes:15}") int addressWindowMinutes,
                         @Value("${app.login.tracked-addresses:10000}") int trackedAddresses) {
        this.users = users;
        this.unknownNames = unknownNames;
        this.events = events;
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.lockDuration = Duration.ofMinutes(lockMinutes);
        this.adminUnlockAfter = adminUnlockAfter;
        this.addressMaxFailures = addressMaxFailures;
        this.addressWindow = Duration.ofMinutes(addressWindowMinutes);
        this.addresses = new BoundedCounters(trackedAddresses);
        this.trackedNames = trackedAddresses;
    }

    /** Throws when this login must not even be checked. */
    @Transactional(readOnly = true)
    public void check(String typedUsername, String remoteAddress) {
        Instant now = clock.instant();
        if (addresses.blocked(addressKey(remoteAddress), now, addressMaxFailures)) {
            throw new LoginRefusedException(Reason.ADDRESS_BLOCKED);
        }
        String username = AppUser.normalizeUsername(typedUsername);
        Optional<AppUser> user = username == null ? Optional.empty() : users.findByUsername(username);
        boolean locked = user.isPresent() ? isLocked(user.get().getFailedLogins(), user.get().getLockedUntil(), now)
                : unknownNames.find(LoginNameFailureRepository.key(username))
                        .filter(n -> isLocked(n.failures(), n.lockedUntil(), now)).isPresent();
        if (locked) {
            throw new LoginRefusedException(Reason.ACCOUNT_LOCKED);
        }
    }

    /** A wrong password (or unknown user name): counted for the account and the address, and logged. */
    @Transactional
    public void failed(String typedUsername, String remoteAddress) {
        Instant now = clock.instant();
        addresses.count(addressKey(remoteAddress), now, addressWindow);
        String username = AppUser.normalizeUsername(typedUsername);
        Optional<AppUser> user = username == null ? Optional.empty() : users.findByUsername(username);
        int failures;
        if (user.isPresent()) {
            failures = countFailure(user.get(), now);
        } else {
            failures = countUnknownName(username, now);
        }
        log.warn("Failed login for user name '{}' from {} ({} consecutive)", sanitize(typedUsername), sanitize(remoteAddress),
                failures);
    }

    /** One more consecutive failure of an existing account, and the lock it earns; returns the count. */
    private int countFailure(AppUser user, Instant now) {
        // one UPDATE: concurrent failures all count, and no optimistic-lock conflict with other edits of the user
        users.incrementFailedLogins(user.getId());
        int failures = users.failedLogins(user.getId());
        Instant until = lockUntil(failures, now);
        if (until != null || failures == adminUnlockAfter) {
            users.lockUntil(user.getId(), until);
            events.publishEvent(AuditEvent.ofAccount(AuditAction.ACCOUNT_LOCKED, user.getUsername(),
                    until == null ? failures + " failed logins: locked until an administrator unlocks it"
                            : failures + " failed logins: locked until " + until));
        }
        return failures;
    }

    /** Unknown user names follow the accounts' schedule, so they look the same from outside. */
    private int countUnknownName(String username, Instant now) {
        String key = LoginNameFailureRepository.key(username);
        if (unknownNames.countFailure(key, now)) {
            unknownNames.keepMostRecent(trackedNames);
        }
        int failures = unknownNames.find(key).map(LoginNameFailureRepository.NameFailures::failures).orElse(1);
        Instant until = lockUntil(failures, now);
        if (until != null) {
            unknownNames.lockUntil(key, until);
        }
        return failures;
    }

    /**
     * A logged-in user types their password again (to change it or their mail address): the account's lock applies
     * as at the login, so that a session left open is no way round it. Throws {@link LoginRefusedException}.
     */
    @Transactional(readOnly = true)
    public void checkAccount(long userId) {
        AppUser user = users.findById(userId).orElseThrow();
        if (isLocked(user.getFailedLogins(), user.getLockedUntil(), clock.instant())) {
            throw new LoginRefusedException(Reason.ACCOUNT_LOCKED);
        }
    }

    /**
     * A wrong password typed again by a logged-in user counts like a failed login (not per address: it is the
     * account's). In a transaction of its own, so that it stays counted when the caller's change is refused.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void failedAccount(long userId) {
        AppUser user = users.findById(userId).orElseThrow();
        int failures = countFailure(user, clock.instant());
        log.warn("Wrong current password for user name '{}' ({} consecutive)", user.getUsername(), failures);
    }

    /** The right password typed again by a logged-in user ends the count, as a login does (kept if the change is refused). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void succeededAccount(long userId) {
        users.findById(userId).filter(u -> u.getFailedLogins() > 0 || u.getLockedUntil() != null)
                .ifPresent(u -> users.clearFailedLogins(u.getId()));
    }

    /**
     * A new password set through a reset link: whoever used the link reads the account's mail, so a temporary lock
     * ends with the count. The lock that waits for an administrator stays (20 failures mean someone else was
     * guessing). Returns whether the account is still locked.
     */
    @Transactional
    public boolean passwordReset(long userId) {
        AppUser user = users.findById(userId).orElseThrow();
        if (user.getFailedLogins() >= adminUnlockAfter) {
            return true;
        }
        if (user.getFailedLogins() > 0 || user.getLockedUntil() != null) {
            users.clearFailedLogins(userId);
        }
        return false;
    }

    /** Whether the account is locked now (the administrators' account list). */
    boolean isLocked(AppUser user) {
        return isLocked(user.getFailedLogins(), user.getLockedUntil(), clock.instant());
    }

    /** Whether the lock waits for an administrator (no end time). */
    boolean needsAdministrator(AppUser user) {
        return user.getFailedLogins() >= adminUnlockAfter;
    }

    /** A successful login ends the count of consecutive failures. */
    @Transactional
    public void succeeded(String typedUsername) {
        users.findByUsername(AppUser.normalizeUsername(typedUsername))
                .filter(u -> u.getFailedLogins() > 0 || u.getLockedUntil() != null)
                .ifPresent(u -> users.clearFailedLogins(u.getId()));
    }

    /** Accounts with failed logins, locked ones first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<LockedAccount> accountsWithFailedLogins() {
        Instant now = clock.instant();
        return users.findByFailedLoginsGreaterThanOrderByUsername(0).stream()
                .map(u -> new LockedAccount(u.getId(), u.getUsername(), u.getDisplayName(), u.getFailedLogins(),
                        isLocked(u.getFailedLogins(), u.getLockedUntil(), now),
                        u.getFailedLogins() >= adminUnlockAfter ? null : u.getLockedUntil()))
                .sorted(java.util.Comparator.comparing(LockedAccount::locked).reversed())
                .toList();
    }

    /** An administrator ends the lock and the count (typically after the owner asked, by phone or in person). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(long userId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new jp.kakaritsuke.base.NotFoundException("user", String.valueOf(userId)));
        users.clearFailedLogins(userId);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.ACCOUNT_UNLOCKED, user.getUsername(),
                "after " + user.getFailedLogins() + " failed logins"));
    }

    boolean isLocked(int failures, Instant lockedUntil, Instant now) {
        return failures >= adminUnlockAfter || (lockedUntil != null && now.isBefore(lockedUntil));
    }

    /** When the failure that made {@code failures} locks the account: null when it does not (or until unlocked). */
    Instant lockUntil(int failures, Instant now) {
        if (failures >= adminUnlockAfter || failures % lockAfter != 0) {
            return null;
        }
        int lockNumber = failures / lockAfter; // 1, 2, 3, ...: 5, 10, 20 minutes
        return now.plus(lockDuration.multipliedBy(1L << Math.min(lockNumber - 1, 10)));
    }

    /** Addresses per /64 for IPv6; anything unparsable as itself (bounded in length). */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null) {
            return "";
        }
        try {
            byte[] bytes = InetAddress.ofLiteral(remoteAddress).getAddress();
            if (bytes.length == 16) {
                return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return remoteAddress;
        } catch (IllegalArgumentException e) {
            return remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress;
        }
    }

    /** For the log: no line breaks or control characters (log forging), bounded length. */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        String clean = TextRules.replaceInvisible(text, '?');
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    /**
     * Failure counters of addresses in memory, at most {@code capacity} keys: the least recently used is dropped, so an
     * attacker cannot grow it without limit (one entry is about 150 bytes: 10,000 keys are about 1.5 MB).
     */
    static final class BoundedCounters {

        private static final class Counter {
            Instant windowStart;
            int failures;
            Instant lockedUntil;
        }

        private final Map<String, Counter> entries;

        BoundedCounters(int capacity) {
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized void count(String key, Instant now, Duration window) {
            Counter e = entries.computeIfAbsent(key, k -> new Counter());
            if (e.windowStart == null || !now.isBefore(e.windowStart.plus(window))) {
                e.windowStart = now;
                e.failures = 0;
            }
            e.failures++;
            e.lockedUntil = e.windowStart.plus(window);
        }

        synchronized boolean blocked(String key, Instant now, int maxFailures) {
            Counter e = entries.get(key);
            return e != null && e.failures >= maxFailures && now.isBefore(e.lockedUntil);
        }

        synchronized int size() {
            return entries.size();
        }
    }
}
