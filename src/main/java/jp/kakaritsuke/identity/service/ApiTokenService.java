package jp.kakaritsuke.identity.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.OneTimeCode;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.identity.domain.ApiToken;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.ApiTokenRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * Personal API tokens: each user creates and revokes their own, for API clients (instead of sending the password with
 * every request, which cost a bcrypt run each time). A token is 256 random bits; only its SHA-256 is stored, which is
 * enough for a secret of that entropy and costs microseconds to check.
 */
@Service
public class ApiTokenService {

    /** Prefix of every token: recognisable in a leaked file or a secret scanner. */
    public static final String PREFIX = "kkf_";
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_TOKENS_PER_USER = 20;
    /** last_used_at is written at most this often per token, not on every request. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    public record TokenInfo(long id, String name, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt,
                            boolean expired) {
    }

    /** The token in clear, shown once. */
    public record CreatedToken(TokenInfo info, String token) {
    }

    /** Who a valid token stands for. */
    public record TokenUser(String username, boolean admin, boolean enabled) {
    }

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ApiTokenService(ApiTokenRepository tokens, AppUserRepository users, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A new token for the logged-in user; {@code expiresOn} (optional) is the first day (JST) it no longer works. */
    @AnySignedInUser
    @Transactional
    public CreatedToken create(String name, LocalDate expiresOn) {
        AppUser user = currentUser();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(List.of("apiToken.error.name"));
        }
        Instant now = clock.instant();
        Instant expiresAt = expiresOn == null ? null : expiresOn.atStartOfDay(clock.getZone()).toInstant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException(List.of("apiToken.error.expiry"));
        }
        if (tokens.countByUserId(user.getId()) >= MAX_TOKENS_PER_USER) {
            throw new InvalidInputException(List.of("apiToken.error.tooMany"));
        }
        String token = PREFIX + OneTimeCode.randomToken();
        ApiToken saved = tokens.save(new ApiToken(user, cleanName, hash(token), now, expiresAt));
        events.publishEvent(AuditEvent.ofAccount(AuditAction.API_TOKEN_CREATED, user.getUsername(),
                "token '" + cleanName + "'" + (expiresAt == null ? "" : " until " + expiresOn)));
        return new CreatedToken(info(saved, now), token);
    }

    /** The logged-in user's tokens, newest first. */
    @AnySignedInUser
    @Transactional(readOnly = true)
    public List<TokenInfo> myTokens() {
        Instant now = clock.instant();
        return tokens.findByUserIdOrderByCreatedAtDesc(currentUser().getId()).stream().map(t -> info(t, now)).toList();
    }

    /** Revokes one of the logged-in user's own tokens (someone else's is refused, not found). */
    @AnySignedInUser
    @Transactional
    public void revoke(long tokenId) {
        AppUser user = currentUser();
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUser().getId().equals(user.getId()))
                .orElseThrow(() -> new jp.kakaritsuke.base.NotFoundException("API token", String.valueOf(tokenId)));
        tokens.delete(token);
        events.publishEvent(AuditEvent.ofAccount(AuditAction.API_TOKEN_REVOKED, user.getUsername(),
                "token '" + token.getName() + "'"));
    }

    /**
     * The user a presented token stands for, when it is known and not expired. Called for every API request with
     * a Bearer token (identity.config), before any login: so no {@code @PreAuthorize}.
     */
    @Transactional
    public Optional<TokenUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(presented)).filter(t -> !t.isExpired(now)).map(t -> {
            if (t.getLastUsedAt() == null || !now.isBefore(t.getLastUsedAt().plus(LAST_USED_GRANULARITY))) {
                t.usedAt(now);
            }
            AppUser u = t.getUser();
            return new TokenUser(u.getUsername(), u.getSystemRole() == SystemRole.ADMIN, u.isEnabled());
        });
    }

    private AppUser currentUser() {
        Optional<String> name = Optional.ofNullable(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()).map(org.springframework.security.core.Authentication::getName);
        return name.flatMap(n -> users.findByUsername(AppUser.normalizeUsername(n)))
                .orElseThrow(() -> new AccessDeniedException("login required"));
    }

    private static TokenInfo info(ApiToken t, Instant now) {
        return new TokenInfo(t.getId(), t.getName(), t.getCreatedAt(), t.getExpiresAt(), t.getLastUsedAt(), t.isExpired(now));
    }

    /** The stored form of a token (also used by the benchmark): the SHA-256 that invitation codes use too. */
    public static String hash(String token) {
        return OneTimeCode.hash(token);
    }
}
