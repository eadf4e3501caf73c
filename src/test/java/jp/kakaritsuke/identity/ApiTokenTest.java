package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.ApiTokenService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Personal API tokens: created and revoked by their owner, stored hashed, sent as Bearer, no session, no bcrypt. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ApiTokenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @MockitoSpyBean
    PasswordEncoder encoder;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void aTokenAuthenticatesApiRequestsWithoutASessionOrAPasswordHash() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        var created = tokens.create("集計スクリプト", null);
        assertThat(created.token()).startsWith(ApiTokenService.PREFIX).hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(events.stream(AuditEvent.class).filter(e -> e.action() == AuditAction.API_TOKEN_CREATED
                && viewer.equals(e.subject()))).hasSize(1);
        // only the SHA-256 is stored
        String stored = jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, created.info().id());
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(created.token().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).doesNotContain(created.token());
        Fixtures.anonymous();

        org.mockito.Mockito.clearInvocations(encoder);
        MvcResult result = mvc.perform(get("/api/v1/assessments").with(Fixtures.bearerToken(created.token())))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        org.mockito.Mockito.verify(encoder, org.mockito.Mockito.never()).matches(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any());

        Fixtures.as(viewer);
        assertThat(tokens.myTokens()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("集計スクリプト");
            assertThat(t.lastUsedAt()).isNotNull();
            assertThat(t.expiresAt()).isNull();
        });
    }

    @Test
    void wrongRevokedAndExpiredTokensGet401() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        var revoked = tokens.create("old laptop", null);
        var expiring = tokens.create("short-lived", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1));
        tokens.revoke(revoked.info().id());
        assertThat(events.stream(AuditEvent.class).filter(e -> e.action() == AuditAction.API_TOKEN_REVOKED
                && viewer.equals(e.subject()))).hasSize(1);
        Fixtures.anonymous();

        mvc.perform(get("/api/v1/assessments").with(Fixtures.bearerToken(expiring.token()))).andExpect(status().isOk());
        jdbc.update("update api_token set expires_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), expiring.info().id());
        for (String token : new String[] {revoked.token(), expiring.token(), "kkf_" + "A".repeat(43), "not-a-token"}) {
            mvc.perform(get("/api/v1/assessments").with(Fixtures.bearerToken(token)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        // a wrong token on the public API is refused too: the client should know its token is bad
        mvc.perform(get("/api/v1/roles").with(Fixtures.bearerToken("kkf_wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/roles")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(14)));
    }

    @Test
    void tokensAreTheirOwnersOnly() {
        String owner = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        long id = tokens.create("mine", null).info().id();
        String other = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        assertThat(tokens.myTokens()).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(id)).isInstanceOf(NotFoundException.class);
        Fixtures.as(owner);
        assertThat(tokens.myTokens()).hasSize(1);
        Fixtures.anonymous();
        assertThatThrownBy(() -> tokens.create("x", null)).isInstanceOfAny(AccessDeniedException.class,
                AuthorizationDeniedException.class, org.springframework.security.core.AuthenticationException.class);
        assertThat(other).isNotEqualTo(owner);
    }

    @Test
    void nameAndExpiryAreChecked() {
        fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        assertThatThrownBy(() -> tokens.create(" ", null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("apiToken.error.name"));
        assertThatThrownBy(() -> tokens.create("x".repeat(101), null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tokens.create("yesterday", LocalDate.now(ZoneId.of("Asia/Tokyo"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKeys()).containsExactly("apiToken.error.expiry"));
        for (int i = 0; i < ApiTokenService.MAX_TOKENS_PER_USER; i++) {
            tokens.create("t" + i, null);
        }
        assertThatThrownBy(() -> tokens.create("one too many", null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("apiToken.error.tooMany"));
    }
}
