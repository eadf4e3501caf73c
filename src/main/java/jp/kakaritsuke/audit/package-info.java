/**
 * The audit log (issue 10): stores every {@link jp.kakaritsuke.base.AuditEvent} the features publish, and Spring
 * Security's login events, append-only; shows them to system administrators (all) and association administrators
 * (their associations'). No feature depends on this module: they publish events, it listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@NullMarked
package jp.kakaritsuke.audit;

import org.jspecify.annotations.NullMarked;
