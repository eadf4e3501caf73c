package jp.kakaritsuke.identity.service;

import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: who is logged in, and creating an account (only ever through an accepted invitation or the bootstrap,
 * so this service is not exposed to views directly).
 */
@Service
public class UserAccountService {

    /** The password rule is {@link PasswordPolicy}; these are here for the account forms. */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    public static final int MAX_PASSWORD_LENGTH = PasswordPolicy.MAX_LENGTH;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public UserAccountService(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock,
                              ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The logged-in user, if any (empty for anonymous requests). */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return Optional.empty();
        }
        return users.findByUsername(AppUser.normalizeUsername(auth.getName()))
                .map(u -> new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getSystemRole() == SystemRole.ADMIN));
    }

    /** The logged-in user or an exception: for services that need one. */
    public CurrentUser requireCurrentUser() {
        return currentUser().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("login required"));
    }

    /**
     * Creates an ordinary user. Problems come back as {@link AccountException} with a message key, so the UI can say
     * what to fix.
     */
    @Transactional
    public long createUser(String username, String displayName, String rawPassword) {
        String normalized = AppUser.normalizeUsername(username);
        if (normalized == null || !USERNAME.matcher(normalized).matches()) {
            throw new AccountException("account.error.username");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new AccountException("account.error.displayName");
        }
        List<String> nameProblems = TextRules.problems("account.error.displayName", displayName);
        if (!nameProblems.isEmpty()) {
            throw new AccountException(nameProblems.getFirst());
        }
        PasswordPolicy.problem(normalized, rawPassword).ifPresent(key -> {
            throw new AccountException(key);
        });
        if (users.findByUsername(normalized).isPresent()) {
            throw new AccountException("account.error.taken");
        }
        long id = users.save(new AppUser(normalized, passwordEncoder.encode(PasswordPolicy.normalize(rawPassword)), displayName.strip(), SystemRole.USER,
                clock.instant())).getId();
        events.publishEvent(AuditEvent.ofAccount(AuditAction.ACCOUNT_CREATED, normalized, null));
        return id;
    }

    /** The (normalised) user name of an account: what audit records name people by. */
    @Transactional(readOnly = true)
    public Optional<String> username(long userId) {
        return users.findById(userId).map(AppUser::getUsername);
    }

    @Transactional(readOnly = true)
    public Optional<String> displayName(long userId) {
        return users.findById(userId).map(AppUser::getDisplayName);
    }

    /** The name a person gave for themselves, by their user name (what rounds record as the submitter). */
    @Transactional(readOnly = true)
    public Optional<String> displayNameOf(String username) {
        return username == null ? Optional.empty() : users.findByUsername(AppUser.normalizeUsername(username)).map(AppUser::getDisplayName);
    }

    /** A rejected account request; {@code getMessage()} is an i18n key. */
    public static class AccountException extends RuntimeException {
        public AccountException(String messageKey) {
            super(messageKey);
        }
    }
}
