package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.OneTimeCode;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.AccountAdminService;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.PasswordResetService;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import jp.kakaritsuke.testsupport.TestMailbox.ReceivedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The password reset by mail, followed through the in-process SMTP server: the link from the received mail works
 * once, expires, is only stored hashed and comes from the configured public address; the answer never tells whether
 * an address has an account; at most three links an hour; an administrator's forced reset.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PasswordResetTest {

    static final String NEW_PASSWORD = "a-brand-new-passphrase-for-spring";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PasswordResetService resets;

    @Autowired
    AccountAdminService admin;

    @Autowired
    AppUserRepository users;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    PublicLinks links;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    String newUser() {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        return username;
    }

    /** Asks for a link as someone on the request page would, waits until the request is handled, reads the mail. */
    String requestLink(String username) {
        resets.request(Fixtures.mail(username)).join();
        ReceivedMail mail = mailbox.awaitMail(Fixtures.mail(username), MailKind.PASSWORD_RESET);
        return token(mail);
    }

    static String token(ReceivedMail mail) {
        assertThat(mail.path()).startsWith("reset-password/");
        return mail.path().substring("reset-password/".length());
    }

    boolean logsIn(String username, String password) throws Exception {
        String target = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        return "/start".equals(target);
    }

    long tokens(String username) {
        return jdbc.queryForObject("select count(*) from password_reset_token t join app_user u on u.id = t.user_id"
                + " where u.username = ?", Long.class, username);
    }

    /** In the audit table (events published on the request thread are not seen by @RecordApplicationEvents). */
    long stored(AuditAction action, String subject) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and subject = ?", Long.class,
                action.name(), subject);
    }

    boolean audited(AuditAction action, String subject) {
        return events.stream(AuditEvent.class).anyMatch(e -> e.action() == action && subject.equals(e.subject()));
    }

    @Test
    void theLinkFromTheMailSetsANewPasswordOnceAndEndsATemporaryLock() throws Exception {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            throttle.failed(username, "192.0.2.90");
        }
        resets.request(Fixtures.mail(username).toUpperCase()).join();
        ReceivedMail mail = mailbox.awaitMail(Fixtures.mail(username), MailKind.PASSWORD_RESET);
        // greets by name, names the account, says until when; the link starts with the configured address
        assertThat(mail.body()).contains("テスト " + username).contains(username).contains("Dear");
        assertThat(mail.link().toString()).startsWith(links.base() + "/reset-password/");
        String token = token(mail);
        // recorded by the request's own thread, with the requester's address in the detail
        assertThat(stored(AuditAction.PASSWORD_RESET_REQUESTED, username)).isEqualTo(1);
        // only the hash is stored
        assertThat(jdbc.queryForObject("select count(*) from password_reset_token where token_hash = ?", Long.class,
                OneTimeCode.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset_token where token_hash = ?", Long.class, token)).isZero();

        // opening the page does not use the link up; a weak password is refused with every problem, and keeps the link
        assertThat(resets.lookup(token)).hasValueSatisfying(l -> assertThat(l.username()).isEqualTo(username));
        assertThatThrownBy(() -> resets.reset(token, "password", "other"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("account.error.password", "account.error.mismatch"));
        assertThat(resets.lookup(token)).isPresent();

        var done = resets.reset(token, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.username()).isEqualTo(username);
        assertThat(done.stillLocked()).isFalse();
        assertThat(audited(AuditAction.PASSWORD_RESET, username)).isTrue();
        assertThat(mailbox.awaitMail(Fixtures.mail(username), MailKind.PASSWORD_CHANGED).body()).contains(username);

        // once only
        assertThat(resets.lookup(token)).isEmpty();
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD + "x", NEW_PASSWORD + "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("passwordReset.error.link");
        // the lock is over, the old password gone
        assertThat(logsIn(username, Fixtures.PASSWORD)).isFalse();
        assertThat(logsIn(username, NEW_PASSWORD)).isTrue();
    }

    @Test
    void aNewPasswordEndsTheOtherOpenLinksAndTheLockThatWaitsForAnAdministratorStays() throws Exception {
        String username = newUser();
        String first = requestLink(username);
        String second = requestLink(username);
        assertThat(first).isNotEqualTo(second);
        for (int i = 0; i < 20; i++) {
            throttle.failed(username, "192.0.2.91");
        }
        assertThat(resets.reset(second, NEW_PASSWORD, NEW_PASSWORD).stillLocked()).isTrue();
        assertThat(resets.lookup(first)).isEmpty();
        assertThat(logsIn(username, NEW_PASSWORD)).isFalse();
    }

    @Test
    void anExpiredLinkIsRefused() {
        String username = newUser();
        String token = requestLink(username);
        // what 30 minutes would do (the clock is real): the expiry moves into the past
        jdbc.update("update password_reset_token set expires_at = created_at where token_hash = ?", OneTimeCode.hash(token));
        assertThat(resets.lookup(token)).isEmpty();
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD, NEW_PASSWORD)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theAnswerIsTheSameForAnAddressOfNobodyAndNothingIsSent() {
        String nobody = "nobody-" + System.nanoTime() + "@example.jp";
        resets.request(nobody).join();
        assertThat(mailbox.received(nobody)).isEmpty();
        // a disabled account gets no link either
        String disabled = newUser();
        Fixtures.asAdmin();
        admin.disable(users.findByUsername(disabled).orElseThrow().getId());
        Fixtures.anonymous();
        resets.request(Fixtures.mail(disabled)).join();
        assertThat(tokens(disabled)).isZero();
        // only an input that is no address at all is refused
        assertThatThrownBy(() -> resets.request("not an address")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("email.error.invalid");
    }

    @Test
    void atMostThreeLinksAnHourAreSentToOneAccount() {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            resets.request(Fixtures.mail(username)).join();
        }
        // the outbox holds what would be sent: the requests were all handled (joined), three made a link
        assertThat(tokens(username)).isEqualTo(3);
        assertThat(stored(AuditAction.PASSWORD_RESET_REQUESTED, username)).isEqualTo(3);
        // a forced reset is the administrator's: it is not held back by the limit
        Fixtures.asAdmin();
        admin.forceReset(users.findByUsername(username).orElseThrow().getId());
        assertThat(tokens(username)).isEqualTo(4);
    }

    @Test
    void twoClicksOnOneLinkAtOnceSetOnePassword() throws Exception {
        String username = newUser();
        String token = requestLink(username);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (String password : List.of(NEW_PASSWORD, NEW_PASSWORD + "-2")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        resets.reset(token, password, password);
                        return password;
                    } catch (InvalidInputException e) {
                        return null;
                    }
                }));
            }
            start.countDown();
            List<String> won = new ArrayList<>();
            for (Future<String> result : results) {
                won.add(result.get());
            }
            won.removeAll(Collections.singleton(null));
            assertThat(won).hasSize(1);
            assertThat(logsIn(username, won.getFirst())).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aForcedResetStopsThePasswordEndsTheSessionsAndMailsALink() throws Exception {
        String username = newUser();
        MvcResult login = mvc.perform(post("/login").param("username", username).param("password", Fixtures.PASSWORD)
                .with(csrf())).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(mvc.perform(get("/api/v1/assessments").session(session).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getStatus()).isEqualTo(200);

        Fixtures.asAdmin();
        admin.forceReset(users.findByUsername(username).orElseThrow().getId());
        Fixtures.anonymous();
        assertThat(audited(AuditAction.PASSWORD_RESET_FORCED, username)).isTrue();

        assertThat(mvc.perform(get("/api/v1/assessments").session(session).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(logsIn(username, Fixtures.PASSWORD)).isFalse();
        String token = token(mailbox.awaitMail(Fixtures.mail(username), MailKind.PASSWORD_RESET));
        resets.reset(token, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(logsIn(username, NEW_PASSWORD)).isTrue();
    }
}
