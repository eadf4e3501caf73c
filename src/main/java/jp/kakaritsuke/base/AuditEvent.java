package jp.kakaritsuke.base;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened and must stay on record: published with Spring's {@code ApplicationEventPublisher}
 * inside the transaction that did it (so a rolled-back change leaves no record), stored by the audit module.
 * Who did it and from which address are taken from the security context and the current request when stored;
 * {@code subject} names the account the event is about when that is not the actor (a failed login's user name,
 * the member added or removed). {@code detail} is a short, non-secret description (never a password or code).
 */
public record AuditEvent(AuditAction action, @Nullable Long facilityId, @Nullable Long associationId,
                         @Nullable String subject, @Nullable String detail) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
    }

    public static AuditEvent ofFacility(AuditAction action, long facilityId, @Nullable String subject, @Nullable String detail) {
        return new AuditEvent(action, facilityId, null, subject, detail);
    }

    public static AuditEvent ofAssociation(AuditAction action, long associationId, @Nullable String subject,
                                           @Nullable String detail) {
        return new AuditEvent(action, null, associationId, subject, detail);
    }

    public static AuditEvent ofAccount(AuditAction action, @Nullable String subject, @Nullable String detail) {
        return new AuditEvent(action, null, null, subject, detail);
    }
}
