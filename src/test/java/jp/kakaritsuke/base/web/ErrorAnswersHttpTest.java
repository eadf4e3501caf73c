package jp.kakaritsuke.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The status codes and bodies a real client gets, through the real server (Tomcat, the security filter, the error
 * dispatch, Vaadin's servlet): MockMvc skips the error dispatch, which is where the empty 403s came from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorAnswersHttpTest {

    static final List<String> INTERNALS = List.of("Exception", "exception", "java.", "jp.kakaritsuke", "tools.jackson",
            "at org.", "For input string", FailingTestApi.SECRET);

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    HttpClient client;

    @BeforeEach
    void logIn() throws Exception {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "username=admin&password=test-admin-password&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/start");
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void anUnknownApiPathIsA404ProblemNotVaadinsPage() throws Exception {
        for (String path : List.of("/api/v1/nothing", "/api/v2/cases", "/api/", "/api/v1/cases/1/2/3", "/api/index.html")) {
            JsonNode problem = problem(send("GET", path, null, null), 404);
            assertThat(problem.path("title").asString()).isEqualTo("Not Found");
        }
        // a resource that does not exist under a known path carries what was asked for
        JsonNode problem = problem(send("GET", "/api/v1/assessments/2147483648", null, null), 404);
        assertThat(problem.path("resource").asString()).isEqualTo("assessment");
        assertThat(problem.path("key").asString()).isEqualTo("2147483648");
    }

    @Test
    void aWrongMethodIsA405ProblemThatSaysWhichMethodsAreAllowed() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/roles", null, null);
        problem(response, 405);
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET");
        problem(send("PUT", "/api/v1/recommendations", "application/json", "{}"), 405);
    }

    @Test
    void aWrongContentTypeIsA415Problem() throws Exception {
        problem(send("POST", "/api/v1/recommendations", "text/plain", "levels=4"), 415);
        problem(send("POST", "/api/v1/recommendations", "application/xml", "<levels/>"), 415);
    }

    @Test
    void aMalformedBodyIsA400ProblemThatNamesTheProblem() throws Exception {
        JsonNode broken = problem(send("POST", "/api/v1/recommendations", "application/json", "{\"levels\": {\n  \"HOME_CARE\": 4,,}"), 400);
        assertThat(broken.path("detail").asString()).contains("not valid JSON").contains("line 2");
        JsonNode empty = problem(send("POST", "/api/v1/recommendations", "application/json", ""), 400);
        assertThat(empty.path("detail").asString()).contains("missing");
        JsonNode wrongType = problem(send("POST", "/api/test/typed", "application/json", "{\"count\": \"many\"}"), 400);
        assertThat(wrongType.path("detail").asString()).contains("'count'");
        JsonNode wrongItem = problem(send("POST", "/api/test/typed", "application/json", "{\"count\": 1, \"items\": [1, \"x\"]}"), 400);
        assertThat(wrongItem.path("detail").asString()).contains("'items[1]'");
    }

    @Test
    void aMalformedPathVariableIsA400Problem() throws Exception {
        for (String bad : List.of("abc", "1e3", "%00", "99999999999999999999", "1.5")) {
            HttpResponse<String> response = send("GET", "/api/v1/assessments/" + bad, null, null);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            INTERNALS.forEach(s -> assertThat(response.body()).as(bad).doesNotContain(s));
        }
        problem(send("GET", "/api/v1/assessments/abc", null, null), 400);
    }

    @Test
    void anUnforeseenFailureIsA500ProblemWithAReferenceAndNoMessage() throws Exception {
        JsonNode problem = problem(send("GET", "/api/test/failing", null, null), 500);
        assertThat(problem.path("reference").asString()).matches("[0-9a-f]{8}");
        assertThat(problem.path("detail").asString()).contains("reference");
    }

    /**
     * Pages are rendered by Vaadin's router after the app shell has loaded, so the shell is what HTTP sees: for a
     * mistyped address it must be the shell (the router then shows the Japanese page, see ErrorPagesTest and
     * ErrorPagesBrowserTest), not the empty 403 Vaadin's deny-by-default gave every address that is not a route.
     */
    @Test
    void aMistypedPageAddressGetsTheAppShellNotAnEmpty403() throws Exception {
        for (String path : List.of("/assessment/round/abc", "/assessment/round/1e3", "/no-such-page", "/facility/x/y")) {
            HttpResponse<String> page = send("GET", path, null, null, "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<div id=\"outlet\">");
        }
        // without a login the same addresses lead to the login page, as every page does
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = anonymous.send(HttpRequest.newBuilder(uri("/no-such-page")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        String what = response.request().method() + " " + response.uri().getPath();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        INTERNALS.forEach(s -> assertThat(response.body()).as(what).doesNotContain(s));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("title").asString()).as(what).isNotBlank();
        return problem;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return send(method, path, contentType, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
