package jp.kakaritsuke.mail.service;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mail to queue. The text comes from the kind's templates: {@code {0}}, {@code {1}}… are replaced by
 * {@code arguments} (already formatted: names, dates as "2026-12-15 18:00"), {@code {link}} by {@code link}. Plain
 * text, Japanese first then English. Never put a secret in the arguments: the only secret a mail may carry is the
 * one-time link, which the outbox blanks out once the mail has been delivered.
 *
 * @param facilityId    the facility the mail is about, if any (the outbox can be filtered by it)
 * @param associationId the association the mail is about, if any
 */
public record MailMessage(MailKind kind, MailRecipient to, List<String> arguments, @Nullable URI link,
                          @Nullable Long facilityId, @Nullable Long associationId) {

    public MailMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        arguments = List.copyOf(arguments);
    }
}
