package jp.kakaritsuke.associations.domain;

import java.time.Instant;

/** An invitation to become an administrator of an association. The code itself is never stored, only its hash. */
public record AssociationInvitation(long id, long associationId, String inviteeName, long createdBy, Instant createdAt,
                                    Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public enum Status { OPEN, ACCEPTED, EXPIRED, REVOKED }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }
}
