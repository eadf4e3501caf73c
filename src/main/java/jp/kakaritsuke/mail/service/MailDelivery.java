package jp.kakaritsuke.mail.service;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kakaritsuke.base.WithoutTransaction;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the outbox's mails to the SMTP server ({@link JavaMailSender}, present when {@code spring.mail.host} is set).
 * A mail is tried right after the transaction that queued it commits (on a small thread pool, so the user does not
 * wait for SMTP), and by a job every {@code app.mail.delivery-interval} that picks up what is due: retries, mails
 * queued while the node was stopping, attempts whose node died. Every attempt first claims the mail with a
 * conditional UPDATE ({@link OutboxRepository#claim}): of two nodes, or of the job and the after-commit attempt, one
 * sends and the other skips. A failed attempt is retried after {@code app.mail.retry-initial}, doubling up to
 * {@code app.mail.retry-max}; after {@code app.mail.max-attempts} the mail is FAILED with its last error. Once the
 * server accepted a mail, its one-time link is blanked in the stored body. No transaction is held while SMTP talks.
 */
@Component
public class MailDelivery implements DisposableBean {

    /** Replaces the link in the stored body once the mail has been delivered. */
    public static final String LINK_REMOVED = "[リンクは送信後に消去しました / link removed after delivery]";
    /** Header naming the kind of mail (MailKind), for filters and for tests. */
    public static final String KIND_HEADER = "X-KKF-Mail-Kind";
    /** Header carrying the outbox id: support finds the mail a recipient forwards. */
    public static final String ID_HEADER = "X-KKF-Mail-Id";

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 100;

    /** What one attempt at one mail came to. */
    public enum Outcome { DELIVERED, RETRY_LATER, FAILED, NOT_DUE, NO_SERVER }

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;
    private final String fromName;
    private final int maxAttempts;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration lease;
    private final ThreadPoolExecutor afterCommit;

    MailDelivery(OutboxRepository outbox, ObjectProvider<JavaMailSender> sender, Clock clock,
                 @Value("${app.mail.from}") String from,
                 @Value("${app.mail.from-name:}") String fromName,
                 @Value("${app.mail.max-attempts:10}") int maxAttempts,
                 @Value("${app.mail.retry-initial:PT1M}") Duration retryInitial,
                 @Value("${app.mail.retry-max:PT1H}") Duration retryMax,
                 @Value("${app.mail.send-lease:PT5M}") Duration lease) {
        if (maxAttempts < 1 || retryInitial.isNegative() || retryMax.compareTo(retryInitial) < 0 || lease.isNegative()) {
            throw new IllegalArgumentException("app.mail: max-attempts >= 1, 0 <= retry-initial <= retry-max, send-lease >= 0");
        }
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.fromName = fromName;
        this.maxAttempts = maxAttempts;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.lease = lease;
        AtomicInteger threads = new AtomicInteger();
        // bounded: when it is full the scheduled job sends the rest (DiscardPolicy drops only the early attempt)
        this.afterCommit = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "mail-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        this.afterCommit.allowCoreThreadTimeOut(true);
    }

    /** Whether an SMTP server is configured; without one mails are KEPT in the outbox. */
    public boolean smtpConfigured() {
        return sender.getIfAvailable() != null;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Tries the mail soon after the current transaction commits (at once when there is none): an attempt that ran
     * before the commit would not see the mail yet.
     */
    void deliverAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliverSoon(id);
                }
            });
        } else {
            deliverSoon(id);
        }
    }

    /** Tries the mail soon, on another thread. */
    void deliverSoon(long id) {
        if (afterCommit.isShutdown()) {
            return; // stopping: the job of a running node sends it
        }
        afterCommit.execute(() -> {
            try {
                deliver(id, clock.instant());
            } catch (RuntimeException e) {
                log.warn("mail {}: delivery after commit did not finish ({}); the delivery job retries it", id, e.toString());
            }
        });
    }

    /** The job: every mail due now, on one node at a time (the claims keep it safe even without the lock). */
    @Scheduled(fixedDelayString = "${app.mail.delivery-interval}", initialDelayString = "${app.mail.delivery-interval}")
    // a node killed mid-run keeps the lock at most 2 minutes, so mail waits no longer after a crash; a longer run
    // (a large backlog) may then meet another node's run, which the row claims keep safe
    @SchedulerLock(name = "mail-delivery", lockAtMostFor = "PT2M")
    public void deliverDue() {
        deliverDueAt(clock.instant());
    }

    /** Every mail due at {@code now}, oldest first; returns how many this call delivered. */
    @WithoutTransaction("reads the due ids; each mail is then claimed, sent and recorded by deliver, statement by statement")
    public int deliverDueAt(Instant now) {
        if (!smtpConfigured()) {
            return 0;
        }
        int delivered = 0;
        long after = 0;
        while (true) {
            List<Long> due = outbox.dueIds(now, after, BATCH);
            for (long id : due) {
                if (deliver(id, now) == Outcome.DELIVERED) {
                    delivered++;
                }
            }
            if (due.size() < BATCH) {
                return delivered;
            }
            after = due.getLast();
        }
    }

    /**
     * One attempt at one mail, as if it were {@code now} (tests move time forward this way): claims the mail if it is
     * due, sends it, records the outcome.
     */
    @WithoutTransaction("each statement is complete alone (the claim is a conditional UPDATE with a lease); no lock or "
            + "connection is held while SMTP talks")
    public Outcome deliver(long id, Instant now) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return Outcome.NO_SERVER;
        }
        String token = UUID.randomUUID().toString();
        if (!outbox.claim(id, token, now, now.plus(lease))) {
            return Outcome.NOT_DUE;
        }
        Optional<OutboxMail> found = outbox.find(id);
        if (found.isEmpty() || found.get().state() != MailState.SENDING) {
            return Outcome.NOT_DUE;
        }
        OutboxMail mail = found.get();
        try {
            smtp.send(mime(smtp, mail, now));
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            return failed(mail, token, now, e);
        }
        String kept = mail.link() == null ? mail.body() : mail.body().replace(mail.link(), LINK_REMOVED);
        if (!outbox.delivered(id, token, clock.instant(), kept)) {
            // the claim ran out while SMTP talked and another attempt took the mail over: it records the outcome
            log.warn("mail {}: sent, but its claim had been taken over; it may arrive twice", id);
        }
        return Outcome.DELIVERED;
    }

    private Outcome failed(OutboxMail mail, String token, Instant now, Exception e) {
        String error = describe(e);
        // a mail we could not even build will not build next time either
        boolean permanent = e instanceof MailParseException || e instanceof MailPreparationException
                || e instanceof MessagingException || e instanceof UnsupportedEncodingException;
        if (permanent || mail.attempts() >= maxAttempts) {
            outbox.failed(mail.id(), token, error);
            log.warn("mail {} ({} to {}): FAILED after {} attempt(s): {}", mail.id(), mail.kind(), mail.recipient(),
                    mail.attempts(), error);
            return Outcome.FAILED;
        }
        Instant next = now.plus(backoff(mail.attempts()));
        outbox.retryLater(mail.id(), token, next, error);
        log.info("mail {} ({}): attempt {} failed, next at {}: {}", mail.id(), mail.kind(), mail.attempts(), next, error);
        return Outcome.RETRY_LATER;
    }

    /** The wait after the {@code attempts}-th failure: retry-initial, doubling, at most retry-max. */
    Duration backoff(int attempts) {
        Duration wait = retryInitial;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    private MimeMessage mime(JavaMailSender smtp, OutboxMail mail, Instant now)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        if (fromName.isBlank()) {
            helper.setFrom(from);
        } else {
            helper.setFrom(from, fromName);
        }
        helper.setTo(new InternetAddress(mail.recipient(), mail.recipientName(), "UTF-8"));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        helper.setSentDate(Date.from(now));
        mime.setHeader(KIND_HEADER, mail.kind());
        mime.setHeader(ID_HEADER, String.valueOf(mail.id()));
        // RFC 3834: no auto-replies (vacation notices) to an automatic mail
        mime.setHeader("Auto-Submitted", "auto-generated");
        return mime;
    }

    /** The error as kept in the outbox: the exception chain's messages, bounded. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < OutboxMail.ERROR_LENGTH; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip());
            }
        }
        String s = text.toString().replaceAll("\\s+", " ");
        return s.length() <= OutboxMail.ERROR_LENGTH ? s : s.substring(0, OutboxMail.ERROR_LENGTH - 1) + "…";
    }

    @Override
    public void destroy() throws InterruptedException {
        afterCommit.shutdown();
        afterCommit.awaitTermination(10, TimeUnit.SECONDS);
    }
}
