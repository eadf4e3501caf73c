package jp.kakaritsuke.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Issue 10 over real HTTP against the embedded Tomcat: login CSRF, the Origin check, the security headers on a
 * page, /login and the API, forwarded headers from the trusted proxy (here the loopback address, the default),
 * and the short life of anonymous sessions. {@link UntrustedProxyHttpTest} is the same server with another proxy.
 * The same Spring context (and server) as the other tests on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void loginWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpProbe http = new HttpProbe(port);
        http.get("/login");
        HttpResponse<String> login = http.postForm("/login",
                Map.of("username", "admin", "password", "test-admin-password"));
        // refused, and sent back to a fresh login page that says the page had expired (LoginCsrfFailureHandler)
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?expired"));
        // and no session of a logged-in user came out of it
        assertThat(http.get("/cases/17").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void loginWithTheTokenOfTheLoginPageWorksAndRaisesTheSessionLifetime() throws Exception {
        HttpProbe http = new HttpProbe(port);
        String token = HttpProbe.csrfToken(http.get("/login"));
        Session anonymous = HttpProbe.session(context, http.sessionId);
        assertThat(anonymous.getMaxInactiveInterval()).isEqualTo(180);
        String anonymousId = http.sessionId;

        HttpResponse<String> login = http.postForm("/login",
                Map.of("username", "admin", "password", "test-admin-password", "_csrf", token),
                "Origin", "http://localhost:" + port);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/start"));
        // session fixation protection: a new id at login
        assertThat(http.sessionId).isNotEqualTo(anonymousId);

        assertThat(http.get("/cases/17").statusCode()).isEqualTo(200);
        assertThat(HttpProbe.session(context, http.sessionId).getMaxInactiveInterval()).isEqualTo(1800);
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedEvenWithAToken() throws Exception {
        HttpProbe http = new HttpProbe(port);
        String token = HttpProbe.csrfToken(http.get("/login"));
        HttpResponse<String> login = http.postForm("/login",
                Map.of("username", "admin", "password", "test-admin-password", "_csrf", token),
                "Origin", "https://evil.example");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(http.postForm("/login", Map.of("username", "admin", "password", "x", "_csrf", token),
                "Origin", "null").statusCode()).isEqualTo(403);
    }

    @Test
    void anonymousVisitsLeaveOnlyShortLivedSessions() throws Exception {
        int before = HttpProbe.tomcatContext(context).getManager().findSessions().length;
        for (int i = 0; i < 20; i++) {
            new HttpProbe(port).get("/login");
        }
        Session[] sessions = HttpProbe.tomcatContext(context).getManager().findSessions();
        assertThat(sessions.length - before).isGreaterThanOrEqualTo(20);
        assertThat(List.of(sessions).stream().filter(s -> s.getMaxInactiveInterval() == 180).count())
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void pagesTheLoginAndTheApiCarryTheSecurityHeaders() throws Exception {
        HttpProbe http = new HttpProbe(port);
        HttpResponse<String> loginPage = http.get("/login");
        assertSecurityHeaders(loginPage);
        // the page's inline scripts carry the nonce of this answer's policy, and only that one
        String policy = loginPage.headers().firstValue("Content-Security-Policy").orElseThrow();
        String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(loginPage.body()).contains("<script nonce=\"" + nonce + "\"")
                .doesNotContainPattern("<script(?![^>]*nonce=\"" + java.util.regex.Pattern.quote(nonce) + "\")");
        assertThat(new HttpProbe(port).get("/login").headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("a fresh nonce per answer").isNotEqualTo(policy);

        String token = HttpProbe.csrfToken(loginPage);
        http.postForm("/login", Map.of("username", "admin", "password", "test-admin-password", "_csrf", token));
        HttpResponse<String> page = http.get("/cases/17");
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page);

        HttpResponse<String> api = new HttpProbe(port).get("/api/v1/roles", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertSecurityHeaders(api);
    }

    @Test
    void apiCallsCreateNoSessionAndARefusalIsAProblemAnswer() throws Exception {
        // without credentials, with a wrong token, unknown path, public data: never a session cookie (an API client
        // has no use for one, and a flood of them would be kept in memory)
        for (String[] call : new String[][] {{"/api/v1/assessments"}, {"/api/v1/no-such-endpoint"}, {"/api/v1/roles"},
                {"/api/v1/assessments", "Authorization", "Bearer kkf_not-a-token"}}) {
            String path = call[0];
            String[] headers = java.util.Arrays.copyOfRange(call, 1, call.length);
            HttpResponse<String> answer = new HttpProbe(port).get(path, headers);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path + " " + String.join(" ", headers)).isEmpty();
        }
        HttpResponse<String> refused = new HttpProbe(port).get("/api/v1/assessments");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":401").contains("Bearer");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                        "frame-ancestors 'none'", "'nonce-")
                .doesNotContain("script-src 'self' 'unsafe-inline'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void behindTheTrustedProxyRedirectsAreHttpsAndTheSessionCookieSecure() throws Exception {
        HttpProbe http = new HttpProbe(port);
        HttpResponse<String> redirect = http.get("/cases/17", "X-Forwarded-Proto", "https", "X-Forwarded-For",
                "203.0.113.9");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://localhost/login");
        assertThat(redirect.headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));
        try (HttpProbe.RemoteAddresses addresses = HttpProbe.recordRemoteAddresses(context)) {
            http.get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
            assertThat(addresses.last()).isEqualTo("203.0.113.9");
        }

        // without the headers: plain http
        HttpProbe direct = new HttpProbe(port);
        HttpResponse<String> plain = direct.get("/cases/17");
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotStartWith("https:"));
        assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(
                cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
    }
}
