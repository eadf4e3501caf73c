package jp.kakaritsuke.associations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An invitation to become an administrator of an association, written like a facility's invitation
 * (facility.domain.Invitation): created through the entity, accepted, revoked and resent by one conditional UPDATE
 * each in {@link AssociationInvitationRepository}, whose condition decides a race. The code itself is never stored,
 * only its hash. {@code inviteeEmail} is where it was mailed (null: a code handed over in person); {@code resentAt}
 * when a resend last replaced the code (null: never).
 */
@Entity
@Table(name = "association_invitation")
public class AssociationInvitation {

    public enum Status { OPEN, ACCEPTED, EXPIRED, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "association_id", nullable = false)
    private long associationId;

    @Column(name = "code_hash", nullable = false, length = 64, unique = true)
    private String codeHash;

    @Column(name = "invitee_name", nullable = false, length = 200)
    private String inviteeName;

    @Column(name = "invitee_email", length = 254)
    private String inviteeEmail;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_user_id")
    private Long acceptedUserId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "resent_at")
    private Instant resentAt;

    protected AssociationInvitation() {
    }

    public AssociationInvitation(long associationId, String codeHash, String inviteeName, String inviteeEmail,
                                 long createdBy, Instant createdAt, Instant expiresAt) {
        this.associationId = associationId;
        this.codeHash = codeHash;
        this.inviteeName = inviteeName;
        this.inviteeEmail = inviteeEmail;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }

    public Long getId() {
        return id;
    }

    public long getAssociationId() {
        return associationId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public String getInviteeName() {
        return inviteeName;
    }

    public String getInviteeEmail() {
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

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getResentAt() {
        return resentAt;
    }
}
