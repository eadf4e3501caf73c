package jp.kakaritsuke.mail.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One mail of the outbox as stored. {@code kind} is a {@code mail.service.MailKind} name; {@code link} is the one-time
 * link the body carries, null once the mail has been delivered (the body then carries a placeholder instead).
 */
public record OutboxMail(long id, Instant createdAt, String kind, String recipient, String recipientName,
                         @Nullable Long userId, @Nullable Long facilityId, @Nullable Long associationId, String subject,
                         String body, @Nullable String link, MailState state, int attempts, @Nullable Instant nextAttemptAt,
                         @Nullable Instant lastAttemptAt, @Nullable String lastError, @Nullable Instant deliveredAt) {

    public static final int RECIPIENT_NAME_LENGTH = 200;
    public static final int SUBJECT_LENGTH = 1000;
    public static final int LINK_LENGTH = 2000;
    public static final int ERROR_LENGTH = 1000;
}
