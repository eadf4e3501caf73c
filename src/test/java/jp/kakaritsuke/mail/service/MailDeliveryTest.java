package jp.kakaritsuke.mail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import jp.kakaritsuke.testsupport.TestMailbox;
import jp.kakaritsuke.testsupport.TestMailbox.ReceivedMail;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails go through the outbox and a real SMTP server (GreenMail, testsupport.TestMailbox): queued in the caller's
 * transaction, sent after its commit in Japanese and English, the link blanked once delivered; retried after an SMTP
 * failure, FAILED after the last attempt with the error kept; two deliverers never send one mail twice. The texts are
 * test templates (src/test/resources/mail): the real ones belong to the streams that send each kind.
 */
@SpringBootTest
class MailDeliveryTest {

    static final String JA = "mail/test-templates.properties";
    static final String EN = "mail/test-templates_en.properties";

    @Autowired
    OutboxRepository outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailService beanService;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    LockProvider lockProvider;

    @Autowired
    JdbcClient jdbc;

    MailService mail;
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        mail = new MailService(outbox, new MailTemplates(JA, EN), delivery, clock);
        transactions = new TransactionTemplate(transactionManager);
    }

    static String address() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.jp";
    }

    static MailMessage invitation(String to, URI link) {
        return new MailMessage(MailKind.FACILITY_INVITATION, MailRecipient.of(EmailAddress.parse(to).orElseThrow(), "山田 花子"),
                List.of("さくら診療所", "佐藤 一郎", "2026-12-15 18:00"), link, 42L, null);
    }

    long queue(MailMessage message) {
        return transactions.execute(status -> mail.queue(message));
    }

    OutboxMail row(long id) {
        return outbox.find(id).orElseThrow();
    }

    /** Waits (at most {@link TestMailbox#WAIT}) until the mail's state satisfies the condition; no timing asserted. */
    OutboxMail awaitRow(long id, Predicate<OutboxMail> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TestMailbox.WAIT.toNanos();
        OutboxMail row = row(id);
        while (!condition.test(row) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            row = row(id);
        }
        assertThat(row).matches(condition, "the mail's row reached the expected state");
        return row;
    }

    @Test
    void aQueuedMailIsDeliveredAfterTheCommitInJapaneseThenEnglishAndItsLinkBlanked() throws InterruptedException {
        String to = address();
        URI link = URI.create("http://localhost:8080/invite/ABCD-EFGH-" + UUID.randomUUID());
        long id = queue(invitation(to, link));

        ReceivedMail received = mailbox.awaitMail(to, MailKind.FACILITY_INVITATION);
        assertThat(received.to()).isEqualTo(to);
        assertThat(received.kind()).isEqualTo(MailKind.FACILITY_INVITATION);
        assertThat(received.subject()).isEqualTo("さくら診療所への招待 / Invitation to さくら診療所");
        assertThat(received.body())
                .startsWith("山田 花子 様\n\n佐藤 一郎 さんが「さくら診療所」にあなたを招待しました。")
                .contains("(2026-12-15 18:00 まで有効)", MailTemplates.SEPARATOR, "Dear 山田 花子,", "valid until 2026-12-15 18:00");
        assertThat(received.body().indexOf("招待しました")).isLessThan(received.body().indexOf("invited you"));
        assertThat(received.link()).isEqualTo(link);
        assertThat(received.path()).isEqualTo(link.getPath().substring(1));

        OutboxMail row = awaitRow(id, r -> r.state() == MailState.DELIVERED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.deliveredAt()).isNotNull();
        assertThat(row.facilityId()).isEqualTo(42L);
        // the one-time link does not outlive the delivery in the database
        assertThat(row.link()).isNull();
        assertThat(row.body()).doesNotContain(link.toString()).contains(MailDelivery.LINK_REMOVED)
                .contains("佐藤 一郎 さんが「さくら診療所」");
        assertThat(mailbox.received(to)).hasSize(1);
    }

    @Test
    void aRolledBackTransactionQueuesNothingAndQueueingNeedsATransaction() {
        String to = address();
        transactions.executeWithoutResult(status -> {
            mail.queue(invitation(to, URI.create("http://localhost:8080/invite/X")));
            status.setRollbackOnly();
        });
        assertThat(outbox.count(new jp.kakaritsuke.mail.domain.OutboxQuery(to, null, null))).isZero();

        assertThatThrownBy(() -> beanService.queue(invitation(to, URI.create("http://localhost:8080/invite/X"))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anSmtpFailureIsRetriedLater() throws InterruptedException {
        String to = address();
        mailbox.unreachable(to);
        long id = queue(new MailMessage(MailKind.PASSWORD_CHANGED,
                new MailRecipient(EmailAddress.parse(to).orElseThrow(), "鈴木 次郎", null), List.of("2026-12-01 09:00"), null, null, null));

        // the attempt right after the commit fails: connection refused
        OutboxMail failed = awaitRow(id, r -> r.state() == MailState.PENDING && r.attempts() == 1);
        assertThat(failed.lastError()).contains("MailSendException");
        assertThat(failed.nextAttemptAt()).isAfter(failed.lastAttemptAt());
        assertThat(mailbox.received(to)).isEmpty();
        // not due before its time
        assertThat(delivery.deliver(id, failed.lastAttemptAt())).isEqualTo(MailDelivery.Outcome.NOT_DUE);

        mailbox.reachable(to);
        assertThat(delivery.deliver(id, failed.nextAttemptAt())).isEqualTo(MailDelivery.Outcome.DELIVERED);
        OutboxMail delivered = row(id);
        assertThat(delivered.state()).isEqualTo(MailState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastError()).isNull();
        assertThat(mailbox.awaitMail(to, MailKind.PASSWORD_CHANGED).body()).contains("2026-12-01 09:00 にパスワードが変更されました");
        // delivered is delivered: nothing is due any more
        assertThat(delivery.deliver(id, failed.nextAttemptAt().plus(Duration.ofDays(1)))).isEqualTo(MailDelivery.Outcome.NOT_DUE);
        assertThat(mailbox.received(to)).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedWithItsError() throws InterruptedException {
        String to = address();
        mailbox.unreachable(to);
        long id = queue(invitation(to, URI.create("https://kkf.example.jp/invite/" + UUID.randomUUID())));
        OutboxMail row = awaitRow(id, r -> r.state() == MailState.PENDING && r.attempts() == 1);
        Instant now = row.nextAttemptAt();
        for (int attempt = 2; attempt < delivery.maxAttempts(); attempt++) {
            assertThat(delivery.deliver(id, now)).isEqualTo(MailDelivery.Outcome.RETRY_LATER);
            row = row(id);
            assertThat(row.attempts()).isEqualTo(attempt);
            // the waits double
            assertThat(Duration.between(now, row.nextAttemptAt())).isEqualTo(delivery.backoff(attempt));
            now = row.nextAttemptAt();
        }
        assertThat(delivery.deliver(id, now)).isEqualTo(MailDelivery.Outcome.FAILED);
        row = row(id);
        assertThat(row.state()).isEqualTo(MailState.FAILED);
        assertThat(row.attempts()).isEqualTo(delivery.maxAttempts());
        assertThat(row.lastError()).contains("MailSendException").containsIgnoringCase("connect");
        // a failed mail keeps its link (it was never delivered) and is not tried again by itself
        assertThat(row.link()).isNotNull();
        assertThat(delivery.deliver(id, now.plus(Duration.ofDays(30)))).isEqualTo(MailDelivery.Outcome.NOT_DUE);
        assertThat(mailbox.received(to)).isEmpty();
        assertThat(delivery.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delivery.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(delivery.backoff(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void twoDeliverersNeverSendOneMailTwice() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            addresses.add(address());
        }
        addresses.forEach(mailbox::unreachable);
        List<Long> ids = transactions.execute(status -> addresses.stream()
                .map(to -> mail.queue(invitation(to, URI.create("http://localhost:8080/invite/" + UUID.randomUUID())))).toList());
        Instant due = null;
        for (long id : ids) {
            OutboxMail row = awaitRow(id, r -> r.state() == MailState.PENDING && r.attempts() == 1);
            due = due == null || row.nextAttemptAt().isAfter(due) ? row.nextAttemptAt() : due;
        }
        addresses.forEach(mailbox::reachable);

        // two nodes' jobs at the same moment, over the same due mails
        Instant now = due;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return delivery.deliverDueAt(now);
                }));
            }
            int sent = runs.get(0).get() + runs.get(1).get();
            assertThat(sent).isGreaterThanOrEqualTo(ids.size());
        } finally {
            nodes.shutdownNow();
        }
        for (long id : ids) {
            assertThat(row(id).state()).isEqualTo(MailState.DELIVERED);
            assertThat(row(id).attempts()).isEqualTo(2);
        }
        for (String to : addresses) {
            assertThat(mailbox.received(to)).as(to).hasSize(1);
        }
    }

    @Test
    void theDeliveryJobRunsOnlyWhileNoOtherNodeHoldsItsLock() throws InterruptedException {
        String to = address();
        // due now, and not tried after a commit (written straight to the table)
        long id = outbox.insert(new OutboxRepository.NewMail(clock.instant(), MailKind.PASSWORD_CHANGED.name(), to, "岡 四郎",
                null, null, null, "件名 / Subject", "本文\n", null, MailState.PENDING));

        // another node runs the job: this one's run does nothing
        SimpleLock held = null;
        // the job of this or another test context (they share the database) may hold it a moment; a node that died
        // holding it releases it after the job's lockAtMostFor (2 minutes), which bounds this wait
        long until = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (held == null && System.nanoTime() < until) {
            held = lockProvider.lock(new LockConfiguration(clock.instant(), "mail-delivery", Duration.ofMinutes(5), Duration.ZERO))
                    .orElse(null);
            if (held == null) {
                Thread.sleep(100);
            }
        }
        assertThat(held).isNotNull();
        try {
            delivery.deliverDue();
            assertThat(row(id).state()).isEqualTo(MailState.PENDING);
            assertThat(row(id).attempts()).isZero();
        } finally {
            held.unlock();
        }

        delivery.deliverDue();
        awaitRow(id, r -> r.state() == MailState.DELIVERED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'mail-delivery'").query(Long.class).single()).isOne();
        assertThat(mailbox.awaitMail(to, MailKind.PASSWORD_CHANGED).subject()).isEqualTo("件名 / Subject");
        assertThat(mailbox.received(to)).hasSize(1);
    }

    @Test
    void templatesRefuseWhatWouldMakeABrokenMail() {
        MailTemplates templates = new MailTemplates(JA, EN);
        EmailAddress to = EmailAddress.parse(address()).orElseThrow();
        // a link the text does not show, a {link} without one, a missing argument, a relative link, no template
        assertThatThrownBy(() -> templates.render(new MailMessage(MailKind.PASSWORD_CHANGED, MailRecipient.of(to, "a"),
                List.of("x"), URI.create("http://localhost/x"), null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render(new MailMessage(MailKind.FACILITY_INVITATION, MailRecipient.of(to, "a"),
                List.of("x", "y", "z"), null, null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render(new MailMessage(MailKind.FACILITY_INVITATION, MailRecipient.of(to, "a"),
                List.of("x"), URI.create("http://localhost/x"), null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render(new MailMessage(MailKind.FACILITY_INVITATION, MailRecipient.of(to, "a"),
                List.of("x", "y", "z"), URI.create("/invite/x"), null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render(new MailMessage(MailKind.ROUND_REMINDER, MailRecipient.of(to, "a"),
                List.of(), null, null, null))).isInstanceOf(IllegalStateException.class);

        // arguments are inserted as typed: no MessageFormat quoting, no placeholder inside an argument expanded
        MailTemplates.Rendered text = templates.render(new MailMessage(MailKind.FACILITY_INVITATION,
                MailRecipient.of(to, "O'Brien {link}"), List.of("医院 {0} 'A'", "B\r\nBcc: x@example.jp", "z"),
                URI.create("https://kkf.example.jp/invite/Q"), null, null));
        assertThat(text.subject()).isEqualTo("医院 {0} 'A'への招待 / Invitation to 医院 {0} 'A'");
        assertThat(text.body()).contains("O'Brien {link} 様", "「医院 {0} 'A'」").doesNotContain("\r");
        assertThat(text.body().split("https://kkf.example.jp/invite/Q", -1)).hasSize(3);
    }
}
