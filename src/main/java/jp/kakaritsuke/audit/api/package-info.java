/**
 * {@code GET /api/v1/audit-events}. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.audit.api;

import org.jspecify.annotations.NullMarked;
