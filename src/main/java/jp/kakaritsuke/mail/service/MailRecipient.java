package jp.kakaritsuke.mail.service;

import java.util.Objects;
import jp.kakaritsuke.base.EmailAddress;
import org.jspecify.annotations.Nullable;

/** Who a mail goes to: the address, the name to greet, and the account if there is one (an invitee has none yet). */
public record MailRecipient(EmailAddress address, String name, @Nullable Long userId) {

    public MailRecipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
    }

    public static MailRecipient of(EmailAddress address, String name) {
        return new MailRecipient(address, name, null);
    }
}
