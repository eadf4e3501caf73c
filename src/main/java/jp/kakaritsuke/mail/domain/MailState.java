package jp.kakaritsuke.mail.domain;

/** Where a mail in the outbox stands (docs/mail.md). */
public enum MailState {
    /** Waiting for its next attempt ({@code next_attempt_at}). */
    PENDING,
    /** Claimed by one attempt, which is talking to the SMTP server now. */
    SENDING,
    /** Accepted by the SMTP server; its one-time link has been blanked in the stored body. */
    DELIVERED,
    /** Every attempt failed; the last error is kept. An administrator may send it again. */
    FAILED,
    /** Outbox only: no SMTP server is configured, the mail stays here for an administrator to read. */
    KEPT
}
