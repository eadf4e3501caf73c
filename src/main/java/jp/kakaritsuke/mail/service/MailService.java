package jp.kakaritsuke.mail.service;

import java.time.Clock;
import java.time.Instant;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mails. A mail is written to the outbox in the caller's transaction, so it exists exactly when what caused
 * it was committed (an invitation rolled back sends nothing); delivery happens after the commit, with retries
 * ({@link MailDelivery}). Without an SMTP server (no {@code spring.mail.host}) the mail is KEPT in the outbox for an
 * administrator to read. Callers have checked who may cause the mail: this service adds no authorisation of its own.
 * docs/mail.md.
 */
@Service
public class MailService {

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final Clock clock;

    MailService(OutboxRepository outbox, MailTemplates templates, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Writes the mail to the outbox (in the caller's transaction, which must exist); returns the outbox id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(MailMessage message) {
        MailTemplates.Rendered text = templates.render(message);
        String link = message.link() == null ? null : message.link().toString();
        if (link != null && link.length() > OutboxMail.LINK_LENGTH) {
            throw new IllegalArgumentException("a mail's link is at most " + OutboxMail.LINK_LENGTH + " characters");
        }
        boolean smtp = delivery.smtpConfigured();
        Instant now = clock.instant();
        long id = outbox.insert(new OutboxRepository.NewMail(now, message.kind().name(), message.to().address().value(),
                bounded(message.to().name(), OutboxMail.RECIPIENT_NAME_LENGTH), message.to().userId(),
                message.facilityId(), message.associationId(), bounded(text.subject(), OutboxMail.SUBJECT_LENGTH),
                text.body(), link, smtp ? MailState.PENDING : MailState.KEPT));
        if (smtp) {
            delivery.deliverAfterCommit(id);
        }
        return id;
    }

    private static String bounded(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length - 1) + "…";
    }
}
