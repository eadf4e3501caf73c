package jp.kakaritsuke.identity.service;

import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.EmailAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SessionState;
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
    @Transactional(readOnly = true) // currentUser() is called on this object, not through the proxy
    public CurrentUser requireCurrentUser() {
        return currentUser().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("login required"));
    }

    /**
     * What a password session compares on each request (identity.config.SessionStampFilter): the account's session
     * stamp and whether it is enabled; empty when the account is gone. One indexed SELECT.
     */
    @Transactional(readOnly = true)
    public Optional<SessionState> sessionState(String username) {
        return users.sessionState(username);
    }

    /**
     * Creates an ordinary user with their mail address (required: it is how they get back in after forgetting the
     * password). Every problem comes back at once as {@link AccountException} with message keys, so the form can
     * mark every field to fix in one go.
     */
    @Transactional
    public long createUser(String username, String displayName, String email, String rawPassword) {
        return createUser(username, displayName, email, rawPassword, rawPassword);
    }

    /**
     * Creates a user whose password was typed twice (the acceptance pages): a second password that differs is one
     * more problem in the same answer, so every field to fix is marked in one go.
     */
    @Transactional
    public long createUser(String username, String displayName, String email, String rawPassword, String passwordAgain) {
        List<String> problems = new ArrayList<>(problems(username, displayName, email, rawPassword));
        if (!java.util.Objects.equals(rawPassword, passwordAgain)) {
            problems.add("account.error.mismatch");
        }
        if (!problems.isEmpty()) {
            throw new AccountException(problems);
        }
        String normalized = AppUser.normalizeUsername(username);
        long id = users.save(new AppUser(normalized, passwordEncoder.encode(PasswordPolicy.normalize(rawPassword)),
                displayName.strip(), EmailAddress.normalize(email), SystemRole.USER, clock.instant())).getId();
        events.publishEvent(AuditEvent.ofAccount(AuditAction.ACCOUNT_CREATED, normalized, null));
        return id;
    }

    /**
     * Every problem {@link #createUser} would refuse these values for (i18n keys, empty when none).
     */
    @Transactional(readOnly = true)
    List<String> problems(String username, String displayName, String email, String rawPassword) {
        String normalized = AppUser.normalizeUsername(username);
        List<String> problems = new ArrayList<>();
        if (normalized == null || !USERNAME.matcher(normalized).matches()) {
            problems.add("account.error.username");
        } else if (users.findByUsername(normalized).isPresent()) {
            problems.add("account.error.taken");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            problems.add("account.error.displayName");
        } else {
            problems.addAll(TextRules.problems("account.error.displayName", displayName));
        }
        List<String> emailProblems = EmailAddress.problems(email);
        problems.addAll(emailProblems);
        if (emailProblems.isEmpty() && users.findByEmail(EmailAddress.normalize(email)).isPresent()) {
            problems.add("account.error.emailTaken");
        }
        PasswordPolicy.problem(normalized == null ? "" : normalized, rawPassword).ifPresent(problems::add);
        return problems;
    }

    /** How to reach people (the round notices, a member list): name and address, by account. No authorisation: callers have checked theirs. */
    @Transactional(readOnly = true)
    public Map<Long, Contact> contacts(Collection<Long> userIds) {
        Map<Long, Contact> result = new HashMap<>();
        users.findAllById(userIds).forEach(u -> result.put(u.getId(), new Contact(u.getId(), u.getDisplayName(),
                Optional.ofNullable(u.getEmail()).map(EmailAddress::new), u.isEnabled())));
        return result;
    }

    /** An account as others reach it: no address for accounts made before issue 13; a disabled account gets no mail. */
    public record Contact(long userId, String displayName, Optional<EmailAddress> email, boolean enabled) {
    }

    /**
     * The names of accounts (an association's staff list, who issued an invitation, whose actions an audit reader may
     * see). No authorisation: callers have checked theirs, as for {@link #contacts}.
     */
    @Transactional(readOnly = true)
    public Map<Long, AccountName> accountNames(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, AccountName> result = new HashMap<>();
        users.findAllById(userIds).forEach(u -> result.put(u.getId(), new AccountName(u.getId(), u.getUsername(), u.getDisplayName())));
        return result;
    }

    /** An account's (normalised) user name and the name its owner gave for themselves. */
    public record AccountName(long userId, String username, String displayName) {
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

    /** A rejected account request; {@code getMessage()} is the first i18n key, {@link #messageKeys()} all of them. */
    public static class AccountException extends RuntimeException {
        private final List<String> messageKeys;

        public AccountException(String messageKey) {
            this(List.of(messageKey));
        }

        public AccountException(List<String> messageKeys) {
            super(messageKeys.getFirst());
            this.messageKeys = List.copyOf(messageKeys);
        }

        public List<String> messageKeys() {
            return messageKeys;
        }
    }
}
