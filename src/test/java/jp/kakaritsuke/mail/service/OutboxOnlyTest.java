package jp.kakaritsuke.mail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default: no {@code spring.mail.host}, so no mail sender (and here no test SMTP server either). Mails
 * are KEPT in the outbox with their links, for an administrator to read; nothing tries to send them.
 */
@SpringBootTest(properties = "test.mailbox.enabled=false")
class OutboxOnlyTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    OutboxService service;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void withoutAnSmtpServerMailsAreKeptWithTheirLinksForAdministrators() {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
        assertThat(delivery.smtpConfigured()).isFalse();

        MailService mail = new MailService(outbox, new MailTemplates(MailDeliveryTest.JA, MailDeliveryTest.EN), delivery, clock);
        String to = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@example.jp";
        URI link = URI.create("http://localhost:8080/invite/KEPT-" + UUID.randomUUID());
        long id = new TransactionTemplate(transactionManager).execute(status -> mail.queue(MailDeliveryTest.invitation(to, link)));

        OutboxMail kept = outbox.find(id).orElseThrow();
        assertThat(kept.state()).isEqualTo(MailState.KEPT);
        assertThat(kept.link()).isEqualTo(link.toString());
        assertThat(kept.body()).contains(link.toString());
        // the job has nothing to do, now or ever
        assertThat(delivery.deliverDueAt(clock.instant().plus(Duration.ofDays(365)))).isZero();
        assertThat(delivery.deliver(id, clock.instant().plus(Duration.ofDays(365)))).isEqualTo(MailDelivery.Outcome.NO_SERVER);
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(MailState.KEPT);

        Fixtures.asAdmin();
        assertThat(service.smtpConfigured()).isFalse();
        assertThat(service.mail(id).body()).contains(link.toString());
        assertThat(service.slice(new jp.kakaritsuke.mail.domain.OutboxQuery(to, MailState.KEPT, null), 0, 10))
                .extracting(OutboxMail::id).containsExactly(id);
    }
}
