package jp.kakaritsuke.base;

/**
 * What an audit event records. The audit module stores these append-only; every feature publishes them as
 * {@link AuditEvent}s, so no feature depends on the audit module.
 */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    ACCOUNT_CREATED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN,
    FACILITY_CREATED,
    FACILITY_UPDATED,
    FACILITY_MEMBER_ADDED,
    FACILITY_MEMBER_REMOVED,
    ASSOCIATION_CREATED,
    ASSOCIATION_ADMIN_ADDED,
    ASSOCIATION_ADMIN_REMOVED,
    ASSOCIATION_MEMBERS_IMPORTED,
    INVITATION_ISSUED,
    INVITATION_ACCEPTED,
    INVITATION_REVOKED,
    ROUND_SUBMITTED,
    /** The action plan (issue 11): an action added, changed (incl. its status) or deleted. */
    ACTION_ADDED,
    ACTION_CHANGED,
    ACTION_DELETED,
    /** The report preparation (issue 12): a year's preparation started, submitted, reopened for a correction. */
    PREPARATION_STARTED,
    PREPARATION_SUBMITTED,
    PREPARATION_REOPENED,
    /** A report or export about facilities other than the reader's own (a member's profile, a rollup workbook). */
    REPORT_DOWNLOADED,
    /** People and mail (issue 13). */
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    PASSWORD_RESET_FORCED,
    EMAIL_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    INVITATION_RESENT,
    FACILITY_MEMBER_ROLE_CHANGED,
    ASSOCIATION_RENAMED,
    ASSOCIATION_MOVED,
    ASSOCIATION_MEMBER_ADDED,
    ASSOCIATION_MEMBER_REMOVED,
    ASSOCIATION_MEMBER_MOVED,
    ROUND_OPENED,
    ROUND_REMINDERS_SENT,
    /** A facility's editor chose to count in peer statistics (issue 15). */
    PEER_CONSENT_GIVEN,
    /** A facility's editor withdrew it from peer statistics. */
    PEER_CONSENT_WITHDRAWN
}
