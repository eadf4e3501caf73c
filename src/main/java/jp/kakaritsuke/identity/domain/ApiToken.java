package jp.kakaritsuke.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token. Only the SHA-256 of the token is stored; the token itself is shown once at creation. */
@Entity
@Table(name = "api_token")
public class ApiToken extends UserToken {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(AppUser user, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        super(user, tokenHash, createdAt, expiresAt);
        this.name = name;
    }

    public boolean isExpired(Instant now) {
        return getExpiresAt() != null && !now.isBefore(getExpiresAt());
    }

    public void usedAt(Instant now) {
        this.lastUsedAt = now;
    }

    public String getName() {
        return name;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
