package jp.kakaritsuke.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A user's membership of a facility. */
@Entity
@Table(name = "facility_member")
public class FacilityMember {

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", nullable = false, length = 20)
    private MemberRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FacilityMember() {
    }

    public FacilityMember(long facilityId, long userId, MemberRole role, Instant createdAt) {
        this.key = new Key(facilityId, userId);
        this.role = role;
        this.createdAt = createdAt;
    }

    public long getFacilityId() {
        return key.facilityId;
    }

    public long getUserId() {
        return key.userId;
    }

    public MemberRole getRole() {
        return role;
    }

    /** An editor becomes a viewer or the other way round (FacilityService checks that an editor remains). */
    public void setRole(MemberRole role) {
        this.role = role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "facility_id")
        private long facilityId;
        @Column(name = "user_id")
        private long userId;

        protected Key() {
        }

        public Key(long facilityId, long userId) {
            this.facilityId = facilityId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.facilityId == facilityId && k.userId == userId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(facilityId) * 31 + Long.hashCode(userId);
        }
    }
}
