package jp.kakaritsuke.base;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a facility's and an association's invitation share: the hash of the one-time code ({@link OneTimeCode}; the code
 * itself is never stored), who was invited and by whom, when it expires, and its end (accepted, revoked) or last resend.
 * Created through the entity; accepted, revoked and resent by one conditional UPDATE each in the owner's repository,
 * whose condition decides a race. Each module keeps its own table.
 */
@MappedSuperclass
public abstract class OneTimeInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code_hash", nullable = false, length = 64, unique = true)
    private String codeHash;

    @Column(name = "invitee_name", nullable = false, length = 200)
    private String inviteeName;

    /** Where it was mailed (lower-case); null when the code was handed over in person. */
    @Column(name = "invitee_email", length = 254)
    private @Nullable String inviteeEmail;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private @Nullable Instant acceptedAt;

    @Column(name = "accepted_user_id")
    private @Nullable Long acceptedUserId;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    /** When a resend last replaced the code (null: never). */
    @Column(name = "resent_at")
    private @Nullable Instant resentAt;

    protected OneTimeInvitation() {
        // JPA
    }

    protected OneTimeInvitation(String codeHash, String inviteeName, @Nullable String inviteeEmail, long createdBy,
                                Instant createdAt, Instant expiresAt) {
        this.codeHash = codeHash;
        this.inviteeName = inviteeName;
        this.inviteeEmail = inviteeEmail;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Accepted and revoked are final; an open invitation becomes expired when its time is up. */
    public InvitationState state(Instant now) {
        if (acceptedAt != null) {
            return InvitationState.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationState.OPEN : InvitationState.EXPIRED;
    }

    public boolean isUsable(Instant now) {
        return state(now) == InvitationState.OPEN;
    }

    /** The id (set once the entity is saved). */
    public Long getId() {
        return id;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public String getInviteeName() {
        return inviteeName;
    }

    public @Nullable String getInviteeEmail() {
        return inviteeEmail;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getAcceptedAt() {
        return acceptedAt;
    }

    public @Nullable Long getAcceptedUserId() {
        return acceptedUserId;
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }

    public @Nullable Instant getResentAt() {
        return resentAt;
    }
}
