package jp.kakaritsuke.mail.domain;

import java.time.Instant;

/**
 * One mail of the outbox as stored. {@code kind} is a {@code mail.service.MailKind} name; {@code link} is the one-time
 * link the body carries, null once the mail has been delivered (the body then carries a placeholder instead).
 */
public record OutboxMail(long id, Instant createdAt, String kind, String recipient, String recipientName, Long userId,
                         Long facilityId, Long associationId, String subject, String body, String link, MailState state,
                         int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
                         Instant deliveredAt) {

    public static final int RECIPIENT_NAME_LENGTH = 200;
    public static final int SUBJECT_LENGTH = 1000;
    public static final int LINK_LENGTH = 2000;
    public static final int ERROR_LENGTH = 1000;
}
