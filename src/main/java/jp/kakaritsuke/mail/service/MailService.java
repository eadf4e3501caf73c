package jp.kakaritsuke.mail.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mails. A mail is written to the outbox in the caller's transaction, so it exists exactly when what caused
 * it was committed (an invitation rolled back sends nothing); delivery happens after the commit, with retries.
 * Callers have checked who may cause the mail: this service adds no authorisation of its own.
 */
@Service
public class MailService {

    /** Writes the mail to the outbox (in the caller's transaction, which must exist); returns the outbox id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(MailMessage message) {
        throw new UnsupportedOperationException("CONTRACT");
    }
}
