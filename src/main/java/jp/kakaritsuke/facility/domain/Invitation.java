package jp.kakaritsuke.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.kakaritsuke.base.OneTimeInvitation;
import org.jspecify.annotations.Nullable;

/**
 * A one-time invitation to join a facility. Only the SHA-256 of its code is stored. Sent by mail when the inviter gave
 * an address, otherwise handed over in person. A resend replaces the code (the old link dies) and the expiry.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends OneTimeInvitation {

    @Column(name = "facility_id", nullable = false)
    private long facilityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 20)
    private MemberRole role;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(long facilityId, MemberRole role, String codeHash, String inviteeName, long createdBy,
                      Instant createdAt, Instant expiresAt) {
        this(facilityId, role, codeHash, inviteeName, null, createdBy, createdAt, expiresAt);
    }

    public Invitation(long facilityId, MemberRole role, String codeHash, String inviteeName, @Nullable String inviteeEmail,
                      long createdBy, Instant createdAt, Instant expiresAt) {
        super(codeHash, inviteeName, inviteeEmail, createdBy, createdAt, expiresAt);
        this.facilityId = facilityId;
        this.role = role;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public MemberRole getRole() {
        return role;
    }
}
