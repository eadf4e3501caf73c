package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.AccountAdminService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A logged-in session ends at its next request once its account was disabled or its password replaced: the stamp is
 * in the database, so it does not matter which node made the change (shown by raising it with SQL alone).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionStampTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AppUserRepository users;

    @Autowired
    AccountAdminService admin;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/start");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    boolean loginRefused(String username, String password) throws Exception {
        return "/login?error".equals(mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andReturn().getResponse().getRedirectedUrl());
    }

    /**
     * A request with this session that needs a login (the API, which a browser session may call too; Vaadin's
     * servlet, behind the pages, is not part of MockMvc): 401 when the session no longer stands for anyone.
     */
    boolean loggedIn(MockHttpSession session) throws Exception {
        int status = mvc.perform(get("/api/v1/assessments").session(session).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getStatus();
        assertThat(status).isIn(200, 401);
        return status == 200;
    }

    String newUser() {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        return username;
    }

    long id(String username) {
        return users.findByUsername(username).orElseThrow().getId();
    }

    @Test
    void disablingAnAccountEndsEachOfItsSessionsAndItsLogins() throws Exception {
        String username = newUser();
        String other = newUser();
        MockHttpSession first = login(username, Fixtures.PASSWORD);
        MockHttpSession second = login(username, Fixtures.PASSWORD);
        MockHttpSession bystander = login(other, Fixtures.PASSWORD);
        assertThat(loggedIn(first)).isTrue();
        assertThat(loggedIn(second)).isTrue();

        Fixtures.asAdmin();
        admin.disable(id(username));
        Fixtures.anonymous();

        assertThat(loggedIn(first)).isFalse();
        assertThat(first.isInvalid()).isTrue();
        assertThat(loggedIn(second)).isFalse();
        assertThat(loggedIn(bystander)).isTrue();
        assertThat(loginRefused(username, Fixtures.PASSWORD)).isTrue();

        Fixtures.asAdmin();
        admin.enable(id(username));
        Fixtures.anonymous();
        assertThat(loggedIn(login(username, Fixtures.PASSWORD))).isTrue();
    }

    @Test
    void aStampRaisedInTheDatabaseAloneEndsTheSessionAsAnotherNodesChangeWould() throws Exception {
        String username = newUser();
        MockHttpSession session = login(username, Fixtures.PASSWORD);
        assertThat(loggedIn(session)).isTrue();
        assertThat(loggedIn(session)).isTrue();

        jdbc.update("update app_user set session_stamp = session_stamp + 1 where username = ?", username);

        assertThat(loggedIn(session)).isFalse();
        // a new login starts from the new stamp
        MockHttpSession again = login(username, Fixtures.PASSWORD);
        assertThat(loggedIn(again)).isTrue();
        assertThat(loggedIn(again)).isTrue();
    }
}
