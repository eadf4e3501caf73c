package jp.kakaritsuke.audit.domain;

import java.time.Instant;
import jp.kakaritsuke.base.AuditAction;

/** Filters of the audit log; null means "any". {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(AuditAction action, String actor, Long facilityId, Long associationId, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }
}
