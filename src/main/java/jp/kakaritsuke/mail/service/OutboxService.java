package jp.kakaritsuke.mail.service;

import java.time.Clock;
import java.util.List;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxQuery;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as administrators read it (admin/outbox): every mail, its state, attempts and last error, and its text;
 * a kept mail (outbox only, no SMTP server) still carries its link, which is how the demo's invitations are handed
 * over. Nobody else reads it: the mails carry invitation and reset links.
 */
@Service
public class OutboxService {

    public static final int MAX_PAGE_SIZE = 1000;

    private final OutboxRepository outbox;
    private final MailDelivery delivery;
    private final Clock clock;

    OutboxService(OutboxRepository outbox, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** False on the embedded default without {@code spring.mail.host}: mails are kept here, not sent. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean smtpConfigured() {
        return delivery.smtpConfigured();
    }

    /** For lazy grids: mails at any offset, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<OutboxMail> slice(OutboxQuery query, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInputException(List.of("outbox.error.page"));
        }
        return outbox.find(requireValid(query), offset, limit);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long count(OutboxQuery query) {
        return outbox.count(requireValid(query));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public OutboxMail mail(long id) {
        return outbox.find(id).orElseThrow(() -> new NotFoundException("mail", String.valueOf(id)));
    }

    /**
     * A FAILED mail gets a fresh series of attempts, the first one at once (after the SMTP server's trouble was
     * fixed). Refused when the mail is no longer FAILED, e.g. another administrator was quicker.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void retry(long id) {
        OutboxMail mail = mail(id);
        if (mail.state() != MailState.FAILED || !delivery.smtpConfigured() || !outbox.retryFailed(id, clock.instant())) {
            throw new InvalidInputException(List.of("outbox.error.notFailed"));
        }
        delivery.deliverAfterCommit(id);
    }

    /** One rule for the screen and the service: a search text no longer than an address. */
    public static OutboxQuery requireValid(OutboxQuery query) {
        if (query.text() != null && query.text().strip().length() > OutboxQuery.TEXT_LENGTH) {
            throw new InvalidInputException(List.of("outbox.error.text"));
        }
        if (query.kind() != null) {
            try {
                MailKind.valueOf(query.kind());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of("outbox.error.kind"));
            }
        }
        return query;
    }
}
