package jp.kakaritsuke.mail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.mail.domain.MailState;
import jp.kakaritsuke.mail.domain.OutboxMail;
import jp.kakaritsuke.mail.domain.OutboxQuery;
import jp.kakaritsuke.mail.domain.OutboxRepository;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as administrators read it: search, filters and paging; a failed mail sent again; nobody else reads it
 * (the mails carry invitation and reset links).
 */
@SpringBootTest
class OutboxServiceTest {

    @Autowired
    OutboxService service;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    MailService mail;

    @BeforeEach
    void setUp() {
        mail = new MailService(outbox, new MailTemplates(MailDeliveryTest.JA, MailDeliveryTest.EN), delivery, clock);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    long queue(String to, String name) {
        return new TransactionTemplate(transactionManager).execute(status -> mail.queue(new MailMessage(
                MailKind.PASSWORD_CHANGED, MailRecipient.of(EmailAddress.parse(to).orElseThrow(), name),
                List.of("2026-12-01 09:00"), null, null, null)));
    }

    @Test
    void administratorsSearchTheOutboxPageByPage() throws InterruptedException {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long first = queue("a" + tag + "@example.jp", "青木 " + tag);
        long second = queue("b" + tag + "@example.jp", "別府 " + tag);
        long third = queue("c" + tag + "@example.jp", "千葉 100%_" + tag);
        mailbox.awaitMail("c" + tag + "@example.jp", MailKind.PASSWORD_CHANGED);

        Fixtures.asAdmin();
        assertThat(service.smtpConfigured()).isTrue();
        OutboxQuery byTag = new OutboxQuery(tag, null, null);
        assertThat(service.count(byTag)).isEqualTo(3);
        // newest first, at any offset
        assertThat(service.slice(byTag, 0, 2)).extracting(OutboxMail::id).containsExactly(third, second);
        assertThat(service.slice(byTag, 2, 2)).extracting(OutboxMail::id).containsExactly(first);
        // by name or address, case-insensitively for the address; % and _ are characters, not wildcards
        assertThat(service.slice(new OutboxQuery("別府", null, null), 0, 50)).extracting(OutboxMail::id).contains(second);
        assertThat(service.slice(new OutboxQuery("100%_" + tag, null, null), 0, 50)).extracting(OutboxMail::id).containsExactly(third);
        assertThat(service.count(new OutboxQuery("100%" + tag, null, null))).isZero();
        assertThat(service.count(new OutboxQuery(tag, MailState.KEPT, null))).isZero();
        assertThat(service.count(new OutboxQuery(tag, null, MailKind.PASSWORD_RESET.name()))).isZero();
        assertThat(service.count(new OutboxQuery(tag, null, MailKind.PASSWORD_CHANGED.name()))).isEqualTo(3);
        assertThat(service.mail(first).body()).contains("青木 " + tag + " 様");

        assertThatThrownBy(() -> service.slice(byTag, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.count(new OutboxQuery("x".repeat(255), null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.count(new OutboxQuery(null, null, "NOT_A_KIND"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.mail(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailedMailIsSentAgainOnAnAdministratorsWord() throws InterruptedException {
        String to = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@example.jp";
        mailbox.unreachable(to);
        long id = queue(to, "藤田 三郎");
        Instant now = clock.instant();
        OutboxMail row = outbox.find(id).orElseThrow();
        long deadline = System.nanoTime() + TestMailbox.WAIT.toNanos();
        while (row.state() != MailState.FAILED && System.nanoTime() < deadline) {
            now = now.plus(Duration.ofDays(1));
            delivery.deliver(id, now);
            row = outbox.find(id).orElseThrow();
        }
        assertThat(row.state()).isEqualTo(MailState.FAILED);
        assertThat(row.attempts()).isEqualTo(delivery.maxAttempts());

        Fixtures.asAdmin();
        // only a failed mail
        long other = queue("g" + to, "他");
        mailbox.awaitMail("g" + to, MailKind.PASSWORD_CHANGED);
        assertThatThrownBy(() -> service.retry(other)).isInstanceOf(InvalidInputException.class);

        mailbox.reachable(to);
        service.retry(id);
        assertThat(mailbox.awaitMail(to, MailKind.PASSWORD_CHANGED).body()).contains("藤田 三郎 様");
        assertThatThrownBy(() -> service.retry(id)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nobodyButAdministratorsReadsTheOutbox() {
        long id = queue("h" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp", "秘密");
        String member = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.as(member);
        assertRefused(AccessDeniedException.class, id);
        Fixtures.anonymous();
        assertRefused(AuthenticationCredentialsNotFoundException.class, id);
    }

    private void assertRefused(Class<? extends Exception> refusal, long id) {
        assertThatThrownBy(() -> service.smtpConfigured()).isInstanceOf(refusal);
        assertThatThrownBy(() -> service.count(OutboxQuery.all())).isInstanceOf(refusal);
        assertThatThrownBy(() -> service.slice(OutboxQuery.all(), 0, 10)).isInstanceOf(refusal);
        assertThatThrownBy(() -> service.mail(id)).isInstanceOf(refusal);
        assertThatThrownBy(() -> service.retry(id)).isInstanceOf(refusal);
    }
}
