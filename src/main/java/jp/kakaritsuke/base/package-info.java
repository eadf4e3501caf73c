/**
 * What every feature shares: the clock, i18n, the main layout, API error handling; the contracts between features
 * that must not depend on each other ({@link jp.kakaritsuke.base.AuditEvent}, the extension points of
 * {@code base.ui.extension}); and what the module-rule tests accept when a method says it on purpose
 * ({@link jp.kakaritsuke.base.AnySignedInUser}, {@link jp.kakaritsuke.base.Anyone},
 * {@link jp.kakaritsuke.base.WithoutTransaction}; decision 0008).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@NullMarked
package jp.kakaritsuke.base;

import org.jspecify.annotations.NullMarked;
