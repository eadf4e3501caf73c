package jp.kakaritsuke.identity.service;

import jp.kakaritsuke.base.OneTimeCode;
import java.time.Instant;
import java.util.List;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.AppUserSearch.AccountFilter;
import jp.kakaritsuke.identity.domain.SystemRole;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * Administrators' account management (「アカウント管理」): every account with search and paging; disable and enable;
 * force a password reset (the password stops working at once and a reset link goes to the account's address); unlock
 * after failed logins ({@link LoginThrottle#unlock}). Disabling and a forced reset end the account's sessions on every
 * node (the session stamp). Every action is audited. An administrator cannot disable or reset their own account here
 * (they would lock themselves out; their own password is changed on the account page).
 */
@Service
public class AccountAdminService {


    /**
     * One account as the list shows it. {@code locked}: logins refused now; {@code lockedUntil}: the end of a
     * temporary lock, null when there is none or the lock waits for an administrator.
     */
    public record AccountRow(long userId, String username, String displayName, @Nullable String email, boolean admin,
                             boolean enabled, int failedLogins, boolean locked, @Nullable Instant lockedUntil, boolean self) {
    }

    private final AppUserRepository users;
    private final UserAccountService accounts;
    private final LoginThrottle throttle;
    private final PasswordResetService resets;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    public AccountAdminService(AppUserRepository users, UserAccountService accounts, LoginThrottle throttle,
                               PasswordResetService resets, PasswordEncoder passwordEncoder,
                               ApplicationEventPublisher events) {
        this.users = users;
        this.accounts = accounts;
        this.throttle = throttle;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** Accounts whose user name, name or address contains {@code text}, by user name; any slice (lazy grid). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountRow> search(String text, AccountFilter filter, long offset, int limit) {
        long me = accounts.requireCurrentUser().id();
        return users.search(text, filter, offset, Math.min(limit, 500)).stream().map(u -> row(u, me)).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String text, AccountFilter filter) {
        return users.count(text, filter);
    }

    /** The account can no longer log in or use its API tokens; its sessions end at their next request. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void disable(long userId) {
        AppUser user = other(userId);
        if (!user.isEnabled()) {
            return;
        }
        users.setEnabled(userId, false);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.ACCOUNT_DISABLED, user.getUsername(), null));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void enable(long userId) {
        AppUser user = find(userId);
        if (user.isEnabled()) {
            return;
        }
        users.setEnabled(userId, true);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.ACCOUNT_ENABLED, user.getUsername(), null));
    }

    /**
     * The password stops working now (it is replaced by a random one nobody knows), the account's sessions end, and a
     * reset link goes to its address (valid like a requested one, not counted by the per-hour limit). Refused for an
     * account without an address ({@code accountsAdmin.error.noEmail}: it could not get back in) or a disabled one
     * ({@code accountsAdmin.error.disabled}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void forceReset(long userId) {
        AppUser user = other(userId);
        if (user.getEmail() == null) {
            throw new AccountException("accountsAdmin.error.noEmail");
        }
        if (!user.isEnabled()) {
            throw new AccountException("accountsAdmin.error.disabled");
        }
        String username = user.getUsername();
        users.setPassword(userId, passwordEncoder.encode(OneTimeCode.randomToken()));
        resets.endOpenLinks(userId);
        resets.issue(userId, true);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.PASSWORD_RESET_FORCED, username, null));
    }

    /** Ends a login lock (audited as ACCOUNT_UNLOCKED by the throttle). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(long userId) {
        throttle.unlock(userId);
    }

    private AccountRow row(AppUser u, long me) {
        boolean locked = throttle.isLocked(u);
        return new AccountRow(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(),
                u.getSystemRole() == SystemRole.ADMIN, u.isEnabled(), u.getFailedLogins(), locked,
                locked && !throttle.needsAdministrator(u) ? u.getLockedUntil() : null, u.getId() == me);
    }

    private AppUser find(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("user", String.valueOf(userId)));
    }

    /** The account, if it is not the caller's own. */
    private AppUser other(long userId) {
        AppUser user = find(userId);
        if (user.getId() == accounts.requireCurrentUser().id()) {
            throw new AccountException("accountsAdmin.error.self");
        }
        return user;
    }
}
