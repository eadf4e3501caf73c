package jp.kakaritsuke.mail.domain;

import org.jspecify.annotations.Nullable;

/**
 * What the administrator's outbox list shows: {@code text} is part of the recipient's address or name (blank: any),
 * {@code state} and {@code kind} (a MailKind name) null for any.
 */
public record OutboxQuery(@Nullable String text, @Nullable MailState state, @Nullable String kind) {

    public static final int TEXT_LENGTH = 254;

    public static OutboxQuery all() {
        return new OutboxQuery(null, null, null);
    }
}
