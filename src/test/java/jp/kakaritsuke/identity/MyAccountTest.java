package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.config.SessionStamps;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.MyAccountService;
import jp.kakaritsuke.identity.service.PasswordResetService;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One's own account: a new password ends the other sessions (not this one) and sends a notice; a new address sends a
 * notice to the previous one, and resets go to the new one; a wrong current password counts as a failed login.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MyAccountTest {

    static final String NEW_PASSWORD = "a-brand-new-passphrase-for-autumn";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MyAccountService myAccount;

    @Autowired
    PasswordResetService resets;

    @Autowired
    AppUserRepository users;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    MockHttpSession login(String username, String password) throws Exception {
        var result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/start");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    boolean loggedIn(MockHttpSession session) throws Exception {
        return mvc.perform(get("/api/v1/assessments").session(session).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getStatus() == 200;
    }

    boolean audited(AuditAction action, String subject) {
        return events.stream(AuditEvent.class).anyMatch(e -> e.action() == action && subject.equals(e.subject()));
    }

    @Test
    void aNewPasswordEndsTheOtherSessionsKeepsThisOneAndSendsANotice() throws Exception {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        MockHttpSession here = login(username, Fixtures.PASSWORD);
        MockHttpSession elsewhere = login(username, Fixtures.PASSWORD);
        assertThat(loggedIn(here)).isTrue();

        Fixtures.as(username);
        long stamp = myAccount.changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        // what the account page does for its own session
        SessionStamps.renew(here, username, stamp);
        Fixtures.anonymous();

        assertThat(loggedIn(here)).isTrue();
        assertThat(loggedIn(elsewhere)).isFalse();
        assertThat(audited(AuditAction.PASSWORD_CHANGED, username)).isTrue();
        assertThat(mailbox.awaitMail(Fixtures.mail(username), MailKind.PASSWORD_CHANGED).body())
                .contains("テスト " + username).contains(username);
        assertThat(login(username, NEW_PASSWORD)).isNotNull();
    }

    @Test
    void everyProblemComesAtOnceAndAWrongCurrentPasswordCounts() {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        assertThatThrownBy(() -> myAccount.changePassword("wrong", username + "-is-in-this-one", "typo"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.messageKeys()).containsExactly(
                        "accountPage.error.currentPassword", "account.error.passwordUsername", "account.error.mismatch"));
        assertThat(users.findByUsername(username).orElseThrow().getFailedLogins()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> myAccount.changeEmail("new@example.jp", "wrong")).isInstanceOf(AccountException.class);
        }
        // five wrong: locked as at the login, even the right password is not checked now
        assertThatThrownBy(() -> myAccount.changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("accountPage.error.locked"));
    }

    @Test
    void aNewAddressIsToldToThePreviousOneAndResetsGoToTheNewOne() {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        String previous = Fixtures.mail(username);
        String next = "new-" + previous;
        myAccount.changeEmail("ＮＥＷ-" + previous.toUpperCase(), Fixtures.PASSWORD);
        assertThat(myAccount.me().email()).contains(next);
        assertThat(audited(AuditAction.EMAIL_CHANGED, username)).isTrue();
        var notice = mailbox.awaitMail(previous, MailKind.EMAIL_CHANGED);
        assertThat(notice.body()).contains(username).contains(next);

        Fixtures.anonymous();
        resets.request(previous).join();
        resets.request(next).join();
        assertThat(mailbox.awaitMail(next, MailKind.PASSWORD_RESET).body()).contains(username);
        assertThat(mailbox.received(previous)).noneMatch(m -> m.kind() == MailKind.PASSWORD_RESET);
    }
}
