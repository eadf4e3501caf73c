package jp.kakaritsuke.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time password reset link. Only the SHA-256 of the token is stored (the token is in the mail only); it is
 * used up with a conditional UPDATE ({@link PasswordResetTokenRepository#use}), so two clicks never both set a
 * password.
 */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private AppUser user;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    /** An administrator's forced reset: not counted by the per-hour limit of requested ones. */
    @Column(nullable = false)
    private boolean forced;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
    }

    public PasswordResetToken(AppUser user, String tokenHash, boolean forced, Instant createdAt, Instant expiresAt) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.forced = forced;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Usable at {@code now}: not used, not expired. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public Long getId() {
        return id;
    }

    public AppUser getUser() {
        return user;
    }

    public boolean isForced() {
        return forced;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
