package jp.kakaritsuke.audit.domain;

import java.time.Instant;
import jp.kakaritsuke.base.AuditAction;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log; null means "any". {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(@Nullable AuditAction action, @Nullable String actor, @Nullable Long facilityId,
                         @Nullable Long associationId, @Nullable Instant from, @Nullable Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }
}
