package jp.kakaritsuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The authorisation matrix (docs/security.md): every API endpoint, and the service calls behind the pages that take an
 * id, tried by seven principals against one world, on H2 and MariaDB. The world: a clinic (its editor and viewer)
 * that consents to association A and has a submitted round S and a draft D; an outsider clinic's editor; A's
 * administrator; the administrator of an unrelated association B; the system administrator; nobody.
 * <p>
 * Expected answers follow one rule: what the caller may not see does not exist for them (404, as for an unknown id);
 * 403 only for what they see but may not do; 401 without credentials. The whole table is written to
 * {@code target/authorization-matrix.md} so the document can quote the run; every mismatch is listed at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    static final String[] PRINCIPALS = {"anonymous", "admin", "editor", "viewer", "outsider", "assocA", "assocB"};

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FacilityService facilities;

    @Autowired
    InvitationService invitations;

    @Autowired
    RoundService rounds;
    @Autowired
    RoleProfileService profiles;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    AssociationStaffService associationStaff;

    @Autowired
    jp.kakaritsuke.actionplan.service.ActionPlanService actionPlans;

    @Autowired
    jp.kakaritsuke.functionreport.service.ReportPreparationService preparations;

    final Map<String, String> users = new LinkedHashMap<>();
    final List<String> rows = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();
    int checks;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void everyPrincipalGetsExactlyWhatTheRuleSays() throws Exception {
        Fixtures.asAdmin();
        long a = associations.create("認可表 A医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        long b = associations.create("認可表 B医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "愛知県", null);
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        users.put("editor", fixtures.member(clinic, MemberRole.EDITOR));
        facilities.setConsent(clinic.id(), true);
        long submitted = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        long draft = rounds.startRound(clinic.id()).summary().id();
        long action = actionPlans.add(clinic.id(), new jp.kakaritsuke.actionplan.service.ActionInput(RoleCode.HOME_CARE, null, null,
                "認可表 行動", null, null, null)).getId();
        int year = preparations.currentReportYear();
        preparations.save(clinic.id(), year, 0, Map.of("NO2A.ROTA", jp.kakaritsuke.functionreport.service.AnswerInput.choice(3)));
        Fixtures.asAdmin();
        associations.addFacility(a, clinic.id());
        users.put("viewer", fixtures.member(clinic, MemberRole.VIEWER));
        users.put("outsider", fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR));
        users.put("assocA", fixtures.associationAdmin(a));
        users.put("assocB", fixtures.associationAdmin(b));
        users.put("admin", "admin");
        Fixtures.anonymous();

        //                     anonymous admin editor viewer outsider assocA assocB
        api("GET /api/v1/roles", () -> get("/api/v1/roles"), 200, 200, 200, 200, 200, 200, 200);
        api("GET /api/v1/questionnaires/current", () -> get("/api/v1/questionnaires/current"), 401, 200, 200, 200, 200, 200, 200);
        // the report's items (issue 12, stream A): reference data behind a login, like the questionnaire
        api("GET /api/v1/report-editions/current", () -> get("/api/v1/report-editions/current"), 401, 200, 200, 200, 200, 200, 200);
        api("GET /api/v1/report-editions/2026", () -> get("/api/v1/report-editions/{year}", 2026), 401, 200, 200, 200, 200, 200, 200);
        api("GET /api/v1/report-editions/{unknown}", () -> get("/api/v1/report-editions/{year}", 1999), 401, 404, 404, 404, 404, 404, 404);
        api("GET /api/v1/assessments", () -> get("/api/v1/assessments"), 401, 200, 200, 200, 200, 200, 200);
        api("GET /api/v1/assessments/{submitted}", () -> get("/api/v1/assessments/{id}", submitted), 401, 200, 200, 200, 404, 200, 404);
        api("GET /api/v1/assessments/{draft}", () -> get("/api/v1/assessments/{id}", draft), 401, 200, 200, 200, 404, 404, 404);
        api("GET /api/v1/assessments/{unknown}", () -> get("/api/v1/assessments/{id}", 987654321L), 401, 404, 404, 404, 404, 404, 404);
        api("GET /api/v1/assessments/{submitted}/report.xlsx", () -> get("/api/v1/assessments/{id}/report.xlsx", submitted),
                401, 200, 200, 200, 404, 200, 404);
        api("GET /api/v1/assessments/{draft}/report.xlsx", () -> get("/api/v1/assessments/{id}/report.xlsx", draft),
                401, 400, 400, 400, 404, 404, 404);
        // peers (issue 15): read like the round's results; the consent changed by the facility's editors only
        api("GET /api/v1/assessments/{submitted}/peers", () -> get("/api/v1/assessments/{id}/peers", submitted),
                401, 200, 200, 200, 404, 200, 404);
        api("GET /api/v1/assessments/{draft}/peers", () -> get("/api/v1/assessments/{id}/peers", draft),
                401, 200, 200, 200, 404, 404, 404);
        api("GET /api/v1/facilities/{id}/peer-consent", () -> get("/api/v1/facilities/{id}/peer-consent", clinic.id()),
                401, 200, 200, 200, 404, 200, 404);
        api("PUT /api/v1/facilities/{id}/peer-consent", () -> put("/api/v1/facilities/{id}/peer-consent", clinic.id())
                .contentType(MediaType.APPLICATION_JSON).content("{\"consenting\": false}"), 401, 200, 200, 403, 404, 404, 404);
        api("POST /api/v1/recommendations", () -> post("/api/v1/recommendations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"facilityType\": \"CLINIC\"}"), 401, 200, 200, 200, 200, 200, 200);
        api("GET /api/v1/associations", () -> get("/api/v1/associations"), 401, 200, 200, 200, 200, 200, 200);
        api("GET /api/v1/associations/{A}/rollup", () -> get("/api/v1/associations/{id}/rollup", a), 401, 200, 404, 404, 404, 200, 404);
        api("GET /api/v1/associations/{A}/rollup.xlsx", () -> get("/api/v1/associations/{id}/rollup.xlsx", a),
                401, 200, 404, 404, 404, 200, 404);
        api("GET /api/v1/audit-events", () -> get("/api/v1/audit-events"), 401, 200, 403, 403, 403, 200, 200);
        api("GET /api/v1/audit-events?associationId={A}", () -> get("/api/v1/audit-events").param("associationId", String.valueOf(a)),
                401, 200, 403, 403, 403, 200, 404);
        // filling in over the API (issue 11): a stale version refused with 409 only after the caller's access is checked
        api("POST /api/v1/facilities/{clinic}/assessments (draft exists)",
                () -> post("/api/v1/facilities/{id}/assessments", clinic.id()), 401, 200, 200, 403, 404, 404, 404);
        api("PUT /api/v1/assessments/{draft}/roles/OTHER (stale version)",
                () -> put("/api/v1/assessments/{id}/roles/OTHER", draft).header("If-Match", "\"987654\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\": 1}"), 401, 409, 409, 403, 404, 404, 404);
        api("POST /api/v1/assessments/{draft}/roles/OTHER/confirm (stale version)",
                () -> post("/api/v1/assessments/{id}/roles/OTHER/confirm", draft).header("If-Match", "\"987654\""),
                401, 409, 409, 403, 404, 404, 404);
        api("POST /api/v1/assessments/{submitted}/submit", () -> post("/api/v1/assessments/{id}/submit", submitted),
                401, 400, 400, 403, 404, 404, 404);
        api("GET /v3/api-docs", () -> get("/v3/api-docs"), 200, 200, 200, 200, 200, 200, 200);
        // the action plan is internal: never the consenting association's (issue 11)
        api("GET /api/v1/facilities/{clinic}/actions", () -> get("/api/v1/facilities/{id}/actions", clinic.id()),
                401, 200, 200, 200, 404, 404, 404);
        api("POST /api/v1/facilities/{clinic}/actions", () -> post("/api/v1/facilities/{id}/actions", clinic.id())
                .contentType(MediaType.APPLICATION_JSON).content("{\"roleCode\": \"HOME_CARE\", \"what\": \"認可表\"}"),
                401, 201, 201, 403, 404, 404, 404);
        api("GET /api/v1/actions/{action}", () -> get("/api/v1/actions/{id}", action), 401, 200, 200, 200, 404, 404, 404);
        api("PUT /api/v1/actions/{action} (stale If-Match)", () -> put("/api/v1/actions/{id}", action).header("If-Match", "\"999\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"roleCode\": \"HOME_CARE\", \"what\": \"認可表\"}"),
                401, 409, 409, 403, 404, 404, 404);
        api("DELETE /api/v1/actions/{action} (stale If-Match)", () -> delete("/api/v1/actions/{id}", action).header("If-Match", "\"999\""),
                401, 409, 409, 403, 404, 404, 404);
        // the report preparation is internal: never the consenting association's (issue 12)
        String preparation = "/api/v1/facilities/{id}/report-preparations/{year}";
        api("GET /api/v1/facilities/{clinic}/report-preparations/{year}", () -> get(preparation, clinic.id(), year),
                401, 200, 200, 200, 404, 404, 404);
        api("PUT /api/v1/facilities/{clinic}/report-preparations/{year} (stale If-Match)", () -> put(preparation, clinic.id(), year)
                .header("If-Match", "\"987654\"").contentType(MediaType.APPLICATION_JSON).content("{\"answers\": {}}"),
                401, 409, 409, 403, 404, 404, 404);
        api("POST /api/v1/facilities/{clinic}/report-preparations/{year}/submit (stale If-Match)",
                () -> post(preparation + "/submit", clinic.id(), year).header("If-Match", "\"987654\""),
                401, 409, 409, 403, 404, 404, 404);
        api("POST /api/v1/facilities/{clinic}/report-preparations/{year}/reopen (stale If-Match)",
                () -> post(preparation + "/reopen", clinic.id(), year).header("If-Match", "\"987654\""),
                401, 409, 409, 403, 404, 404, 404);
        // the preparation workbook (issue 12 D): read like the preparation itself, internal to the facility
        api("GET /api/v1/facilities/{clinic}/report-preparations/{year}.xlsx",
                () -> get(preparation + ".xlsx", clinic.id(), year),
                401, 200, 200, 200, 404, 404, 404);
        api("GET /api/v1/no-such-endpoint", () -> get("/api/v1/no-such-endpoint"), 401, 404, 404, 404, 404, 404, 404);

        // the service calls behind the pages that take an id (the views only pass the id on)
        service("facility page: members of the clinic", () -> facilities.members(clinic.id()), 401, 200, 200, 200, 404, 404, 404);
        service("facility page: invitations of the clinic", () -> invitations.list(clinic.id()), 401, 200, 200, 403, 404, 404, 404);
        service("round page: the draft", () -> rounds.round(draft), 401, 200, 200, 200, 404, 404, 404);
        service("profile page: the submitted round", () -> profiles.profile(submitted), 401, 200, 200, 200, 404, 200, 404);
        service("facility page: invite a viewer to the clinic",
                () -> invitations.invite(clinic.id(), MemberRole.VIEWER, "認可表 招待"), 401, 200, 200, 403, 404, 404, 404);
        service("home and result pages: the clinic's action plan", () -> actionPlans.plan(clinic.id()), 401, 200, 200, 200, 404, 404, 404);
        service("report preparation page: the clinic's preparation", () -> preparations.view(clinic.id(), year),
                401, 200, 200, 200, 404, 404, 404);
        service("report preparation page: the clinic's history", () -> preparations.history(clinic.id()),
                401, 200, 200, 200, 404, 404, 404);
        service("association staff page of A", () -> associationStaff.staff(a), 401, 200, 404, 404, 404, 200, 404);

        // lists say no more than the single reads
        assertThat(listedRounds("assocA")).contains(submitted).doesNotContain(draft);
        assertThat(listedRounds("outsider")).doesNotContain(submitted, draft);
        assertThat(listedRounds("assocB")).doesNotContain(submitted, draft);
        assertThat(listedRounds("viewer")).contains(submitted, draft);

        writeTable();
        assertThat(mismatches).as("authorisation matrix mismatches").isEmpty();
        assertThat(checks).isEqualTo(PRINCIPALS.length * 46);
    }

    private void api(String label, Supplier<MockHttpServletRequestBuilder> request, int... expected) throws Exception {
        int[] actual = new int[PRINCIPALS.length];
        for (int i = 0; i < PRINCIPALS.length; i++) {
            String principal = PRINCIPALS[i];
            MockHttpServletRequestBuilder builder = request.get();
            if (!principal.equals("anonymous")) {
                builder.with(fixtures.bearer(users.get(principal)));
            }
            actual[i] = status(builder);
        }
        record(label, expected, actual);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result.getResponse().getStatus();
    }

    private void service(String label, Callable<?> call, int... expected) {
        int[] actual = new int[PRINCIPALS.length];
        for (int i = 0; i < PRINCIPALS.length; i++) {
            String principal = PRINCIPALS[i];
            if (principal.equals("anonymous")) {
                Fixtures.anonymous();
            } else if (principal.equals("admin")) {
                Fixtures.asAdmin();
            } else {
                Fixtures.as(users.get(principal));
            }
            actual[i] = outcome(call);
        }
        Fixtures.anonymous();
        record(label, expected, actual);
    }

    private static int outcome(Callable<?> call) {
        try {
            call.call();
            return 200;
        } catch (NotFoundException e) {
            return 404;
        } catch (AccessDeniedException e) {
            return 403;
        } catch (AuthenticationException e) {
            return 401;
        } catch (Exception e) {
            return 500;
        }
    }

    private List<Long> listedRounds(String principal) throws Exception {
        String json = mvc.perform(get("/api/v1/assessments").with(fixtures.bearer(users.get(principal))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Long> ids = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private void record(String label, int[] expected, int[] actual) {
        StringBuilder row = new StringBuilder("| ").append(label).append(" |");
        for (int i = 0; i < PRINCIPALS.length; i++) {
            checks++;
            boolean same = expected[i] == actual[i];
            row.append(' ').append(actual[i]).append(same ? "" : " (expected " + expected[i] + ")").append(" |");
            if (!same) {
                mismatches.add(label + " as " + PRINCIPALS[i] + ": " + actual[i] + ", expected " + expected[i]);
            }
        }
        rows.add(row.toString());
    }

    private void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("| call | ").append(String.join(" | ", PRINCIPALS)).append(" |\n|---|");
        md.append("---|".repeat(PRINCIPALS.length)).append('\n');
        rows.forEach(r -> md.append(r).append('\n'));
        Path out = Path.of("target", "authorization-matrix.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }
}
