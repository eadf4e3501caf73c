package jp.kakaritsuke.identity;

import jp.kakaritsuke.testsupport.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.domain.SystemRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** Login with database users, the bootstrap administrator, pages behind login, method security in services. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    CaseLibraryService caseLibrary;

    @Test
    void theBootstrapAdministratorExistsWithAHashedPassword() {
        AppUser admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getSystemRole()).isEqualTo(SystemRole.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("test-admin-password");
        assertThat(passwordEncoder.matches("test-admin-password", admin.getPasswordHash())).isTrue();
    }

    @Test
    void libraryPagesNeedALogin() throws Exception {
        // A browser asks for HTML and is sent to the login page; API clients get 401 (see below).
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/practices").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void loginWithTheDatabaseUser() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("test-admin-password")).andExpect(authenticated())
                .andExpect(redirectedUrl("/start")); // each user's own start (assessment.ui.StartView)
        mvc.perform(formLogin("/login").user(" Admin ").password("test-admin-password")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user("admin").password("wrong")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("nobody").password("test-admin-password")).andExpect(unauthenticated());
    }

    @Test
    void otherApiCallsNeedAuthenticationAndHttpBasicIsNoLongerAccepted() throws Exception {
        mvc.perform(get("/api/v1/nothing-public")).andExpect(status().isUnauthorized());
        // the right password over Basic: refused (tokens replaced it, ApiTokenTest); the challenge names Bearer, never
        // Basic (which would make a browser ask for a password)
        mvc.perform(get("/api/v1/assessments").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("WWW-Authenticate", "Bearer"));
    }

    @Autowired
    jp.kakaritsuke.testsupport.Fixtures fixtures;

    @Autowired
    jp.kakaritsuke.facility.service.InvitationService invitations;

    /** A new account through an invitation with this password; returns the user name. */
    String accountWith(String password) {
        var clinic = fixtures.facility(jp.kakaritsuke.base.FacilityKind.CLINIC);
        String code = invitations.invite(clinic.id(), jp.kakaritsuke.facility.domain.MemberRole.VIEWER, "テスト").code();
        String username = "p" + java.util.UUID.randomUUID().toString().substring(0, 12);
        invitations.accept(code, username, "テスト", Fixtures.mail(username), password);
        jp.kakaritsuke.testsupport.Fixtures.anonymous();
        return username;
    }

    @Test
    void passwordsAreComparedAfterNfkcSoFullWidthAndHalfWidthAreTheSame() throws Exception {
        String username = accountWith("ｋａｓｈｉｗａ　ｎｏ　ｈａ　ｃｌｉｎｉｃ");
        assertThat(passwordEncoder.matches("kashiwa no ha clinic", users.findByUsername(username).orElseThrow().getPasswordHash()))
                .isTrue();
        mvc.perform(formLogin("/login").user(username).password("kashiwa no ha clinic")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(username).password("ｋａｓｈｉｗａ　ｎｏ　ｈａ　ｃｌｉｎｉｃ")).andExpect(authenticated());
    }

    @Test
    void aLongJapanesePassphraseBeyondBcrypts72BytesWorks() throws Exception {
        String passphrase = "柏の葉の診療所は朝八時から開いていて駐車場は二十台分あります"; // 30 characters, 90 bytes
        String username = accountWith(passphrase);
        assertThat(users.findByUsername(username).orElseThrow().getPasswordHash()).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        mvc.perform(formLogin("/login").user(username).password(passphrase)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(username).password(passphrase.substring(0, 29) + "。")).andExpect(unauthenticated());
    }

    @Test
    void theSamePasswordRuleAppliesWhenAnAccountIsCreated() {
        var clinic = fixtures.facility(jp.kakaritsuke.base.FacilityKind.CLINIC);
        String code = invitations.invite(clinic.id(), jp.kakaritsuke.facility.domain.MemberRole.VIEWER, "テスト").code();
        for (var weak : java.util.Map.of("kashiwa-admin", "account.error.password", "x".repeat(201), "account.error.passwordTooLong",
                "kashiwa-admin-2026", "account.error.passwordUsername", "1234567890qwerty", "account.error.passwordCommon").entrySet()) {
            assertThatThrownBy(() -> invitations.accept(code, "kashiwa-admin", "テスト", Fixtures.mail("kashiwa-admin"), weak.getKey()))
                    .hasMessage(weak.getValue());
        }
    }

    @Test
    @WithMockUser(roles = "USER")
    void reloadingTheLibraryIsForAdministratorsOnly() {
        assertThatThrownBy(() -> caseLibrary.reload()).isInstanceOfAny(AccessDeniedException.class,
                AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void administratorsMayReloadTheLibrary() {
        assertThat(caseLibrary.reload().cases()).hasSize(25);
    }
}
