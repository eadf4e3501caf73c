package jp.kakaritsuke.mail.service;

/**
 * What a mail is; each kind has its subject and body in {@code mail/templates.properties} (Japanese) and
 * {@code mail/templates_en.properties} (English), keys {@code <KIND>.subject} and {@code <KIND>.body}.
 */
public enum MailKind {
    /** To someone invited to a facility: the acceptance link. */
    FACILITY_INVITATION,
    /** To someone invited to an association's staff: the acceptance link. */
    ASSOCIATION_INVITATION,
    /** To an account's address: the one-time reset link (asked for, or forced by an administrator). */
    PASSWORD_RESET,
    /** To an account's address after its password changed (by the owner or a reset): no link, who to call if not you. */
    PASSWORD_CHANGED,
    /** To the previous address after an account's address changed. */
    EMAIL_CHANGED,
    /** To member facilities' editors when an association opens a round. */
    ROUND_OPENED,
    /** To editors of members that have not submitted, some days before the round's deadline. */
    ROUND_REMINDER
}
