package jp.kakaritsuke.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.ApiTokenService;
import jp.kakaritsuke.reports.service.BlankSheetService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 14 (operations) over real HTTP: the application on a random port, Actuator on its own random port. The
 * probes and the Prometheus text on the management port; nothing of Actuator on the application's port, signed in or
 * not; nothing but the endpoints on the management port. docs/operations.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenService apiTokens;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    RollupService rollups;

    @Autowired
    BlankSheetService blankSheets;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void livenessAndReadinessAreUpOnTheManagementPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        Http management = new Http(managementPort);

        HttpResponse<String> liveness = management.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        JsonNode live = JSON.readTree(liveness.body());
        assertThat(live.path("status").asString()).isEqualTo("UP");
        // never the database: a restart would not bring it back
        assertThat(names(live.path("components"))).containsExactly("livenessState");

        HttpResponse<String> readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode ready = JSON.readTree(readiness.body());
        assertThat(ready.path("status").asString()).isEqualTo("UP");
        assertThat(names(ready.path("components"))).containsExactlyInAnyOrder("readinessState", "db");
        assertThat(ready.path("components").path("db").path("details").isMissingNode()).as("no details").isTrue();

        // an unreachable SMTP server is not an outage (mail waits in the outbox)
        JsonNode health = JSON.readTree(management.get("/actuator/health").body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "operations-health.json"), health.toString()); // for reading
        assertThat(names(health.path("components"))).contains("db", "diskSpace", "ping", "livenessState", "readinessState")
                .doesNotContain("mail");

        assertThat(management.get("/actuator/info").statusCode()).isEqualTo(200);
        // no session is made on the management port
        assertThat(liveness.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void prometheusCarriesTheNamedMetrics() throws Exception {
        Http management = new Http(managementPort);
        String before = management.get("/actuator/prometheus").body();
        double autosavesBefore = Http.sample(before, "kkf_assessment_autosaves_total");
        double submissionsBefore = Http.sample(before, "kkf_assessment_submissions_total");
        double conflictsBefore = Http.sample(before, "kkf_assessment_conflicts_total");

        // a submitted round through the services (14 autosaves, one submission) ...
        var clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        // ... and over the API: a new draft, one autosave, then a save with the version it replaced (409)
        String token = apiTokens.create("operations test", null).token();
        Http api = new Http(port);
        String[] auth = {"Authorization", "Bearer " + token, "Accept", "application/json"};
        HttpResponse<String> started = api.send("POST", "/api/v1/facilities/" + clinic.id() + "/assessments", null, auth);
        assertThat(started.statusCode()).as(started.body()).isIn(200, 201);
        JsonNode draft = JSON.readTree(started.body());
        long roundId = draft.path("round").path("id").asLong();
        JsonNode firstRole = draft.path("answers").get(0);
        String role = firstRole.path("role").asString();
        long version = firstRole.path("version").asLong();
        String body = "{\"level\": 3}";
        HttpResponse<String> saved = api.send("PUT", "/api/v1/assessments/" + roundId + "/roles/" + role, body,
                concat(auth, "If-Match", "\"" + version + "\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> stale = api.send("PUT", "/api/v1/assessments/" + roundId + "/roles/" + role, body,
                concat(auth, "If-Match", "\"" + version + "\""));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);

        // a rollup and a workbook
        Fixtures.asAdmin();
        long association = associations.create("運用テスト医師会 " + editor, AssociationLevel.PREFECTURAL, "千葉県", null);
        rollups.rollup(association);
        blankSheets.write(Locale.JAPANESE, new ByteArrayOutputStream());
        Fixtures.anonymous();
        // a page: a Vaadin session
        new Http(port).get("/login", "Accept", "text/html");

        HttpResponse<String> scrape = management.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        String text = scrape.body();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "operations-prometheus.txt"), text); // for reading
        // the assessment's counters, after commit
        assertThat(Http.sample(text, "kkf_assessment_autosaves_total")).isGreaterThanOrEqualTo(autosavesBefore + 15);
        assertThat(Http.sample(text, "kkf_assessment_submissions_total")).isGreaterThanOrEqualTo(submissionsBefore + 1);
        assertThat(Http.sample(text, "kkf_assessment_conflicts_total")).isGreaterThanOrEqualTo(conflictsBefore + 1);
        // request latency with fixed buckets, per URI pattern
        assertThat(Http.sample(text, "http_server_requests_seconds_bucket",
                "uri=\"/api/v1/assessments/{id}/roles/{roleCode}\"", "status=\"409\"", "le=\"0.1\"")).isGreaterThanOrEqualTo(0);
        assertThat(Http.sample(text, "http_server_requests_seconds_count",
                "uri=\"/api/v1/assessments/{id}/roles/{roleCode}\"", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        // rollup and workbook durations
        assertThat(Http.sample(text, "kkf_rollup_seconds_count", "method=\"rollup\"")).isGreaterThanOrEqualTo(1);
        assertThat(Http.sample(text, "kkf_rollup_seconds_bucket", "le=\"0.15\"")).isGreaterThanOrEqualTo(0);
        assertThat(Http.sample(text, "kkf_report_workbook_seconds_count", "report=\"blank-sheet\"")).isGreaterThanOrEqualTo(1);
        // Vaadin sessions on this node
        assertThat(Http.sample(text, "kkf_vaadin_sessions")).isGreaterThanOrEqualTo(1);
        // Spring Security's per-filter timings are switched off (they double http.server.requests)
        assertThat(text).doesNotContain("spring_security_filterchains");
        // the standard ones: JVM, connection pool, Tomcat, the application tag on all of them
        // (jvm_gc_pause appears only after the first collection since the binding: absent in a young context)
        for (String metric : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                "process_cpu_usage", "hikaricp_connections_active", "hikaricp_connections_pending", "tomcat_sessions_active_current_sessions",
                "application_ready_time_seconds")) {
            assertThat(text).as(metric).containsPattern("(?m)^" + metric + "\\{[^}]*application=\"kakaritsuke\"");
        }
    }

    @Test
    void theApplicationPortServesNoActuator() throws Exception {
        List<String> paths = List.of("/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus", "/actuator/env", "/livez", "/readyz");
        for (String path : paths) {
            HttpResponse<String> anonymous = new Http(port).get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        Http admin = new Http(port);
        admin.login("admin", "test-admin-password");
        for (String path : paths) {
            HttpResponse<String> answer = admin.get(path, "Accept", "*/*");
            // signed in, the router's "page not found" (Vaadin's app shell), never health or metrics
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(answer.body()).as(path).doesNotContain("\"status\":\"UP\"").doesNotContain("# HELP").doesNotContain("jvm_");
        }
    }

    @Test
    void theManagementPortServesOnlyTheEndpoints() throws Exception {
        Http management = new Http(managementPort);
        for (String path : List.of("/", "/login", "/api/v1/roles", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/shutdown")) {
            HttpResponse<String> answer = management.get(path);
            assertThat(answer.statusCode()).as(path).isIn(403, 404);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(management.send("POST", "/actuator/health", "{}").statusCode()).isIn(403, 404, 405);
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
