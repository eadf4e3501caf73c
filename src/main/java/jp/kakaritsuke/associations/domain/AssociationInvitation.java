package jp.kakaritsuke.associations.domain;

import java.time.Instant;

/**
 * An invitation to become an administrator of an association. The code itself is never stored, only its hash.
 * {@code inviteeEmail} is where it was mailed (null: a code handed over in person); {@code resentAt} when a resend last
 * replaced the code (null: never).
 */
public record AssociationInvitation(long id, long associationId, String inviteeName, String inviteeEmail, long createdBy,
                                    Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt,
                                    Instant resentAt) {

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
