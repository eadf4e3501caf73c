package jp.kakaritsuke.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A one-time invitation to join a facility. Only the SHA-256 of its code is stored. Sent by mail when the inviter gave
 * an address, otherwise handed over in person. A resend replaces the code (the old link dies) and the expiry.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "facility_id", nullable = false)
    private long facilityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 20)
    private MemberRole role;

    @Column(name = "code_hash", nullable = false, length = 64, unique = true)
    private String codeHash;

    @Column(name = "invitee_name", nullable = false, length = 200)
    private String inviteeName;

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

    @Column(name = "invitee_email", length = 254)
    private String inviteeEmail;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "resent_at")
    private Instant resentAt;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(long facilityId, MemberRole role, String codeHash, String inviteeName, long createdBy,
                      Instant createdAt, Instant expiresAt) {
        this.facilityId = facilityId;
        this.role = role;
        this.codeHash = codeHash;
        this.inviteeName = inviteeName;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Invitation(long facilityId, MemberRole role, String codeHash, String inviteeName, String inviteeEmail,
                      long createdBy, Instant createdAt, Instant expiresAt) {
        this(facilityId, role, codeHash, inviteeName, createdBy, createdAt, expiresAt);
        this.inviteeEmail = inviteeEmail;
    }

    public boolean isUsable(Instant now) {
        return state(now) == InvitationState.OPEN;
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

    /** The address the invitation was mailed to (lower-case); null when it was handed over in person. */
    public String getInviteeEmail() {
        return inviteeEmail;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getResentAt() {
        return resentAt;
    }

    public Long getId() {
        return id;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public MemberRole getRole() {
        return role;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public String getInviteeName() {
        return inviteeName;
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
}
