package jp.kakaritsuke.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time password reset link. Only the SHA-256 of the token is stored (the token is in the mail only); it is
 * used up with a conditional UPDATE ({@link PasswordResetTokenRepository#use}), so two clicks never both set a
 * password.
 */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken extends UserToken {

    /** An administrator's forced reset: not counted by the per-hour limit of requested ones. */
    @Column(nullable = false)
    private boolean forced;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
    }

    public PasswordResetToken(AppUser user, String tokenHash, boolean forced, Instant createdAt, Instant expiresAt) {
        super(user, tokenHash, createdAt, expiresAt);
        this.forced = forced;
    }

    /** Usable at {@code now}: not used, not expired. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(getExpiresAt());
    }

    public boolean isForced() {
        return forced;
    }
}
