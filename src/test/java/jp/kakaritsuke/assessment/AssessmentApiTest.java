package jp.kakaritsuke.assessment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The authenticated API: HTTP Basic, the same per-facility authorisation as the UI. */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void currentQuestionnaireNeedsAuthentication() throws Exception {
        mvc.perform(get("/api/v1/questionnaires/current")).andExpect(status().isUnauthorized());
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String user = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.anonymous();
        mvc.perform(get("/api/v1/questionnaires/current").with(fixtures.bearer(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(3)))
                .andExpect(jsonPath("$.scoringRule", is("LEVEL_AND_ANSWERED_INDICATORS")))
                .andExpect(jsonPath("$.steps[*].code", contains("ROLES_1", "ROLES_2")))
                .andExpect(jsonPath("$.roles", hasSize(14)))
                .andExpect(jsonPath("$.roles[0].levelsJa", hasSize(5)))
                .andExpect(jsonPath("$.roles[*].indicators[*].source.case").isNotEmpty())
                .andExpect(jsonPath("$.roles[*].indicators[*].source.practice").isNotEmpty())
                .andExpect(jsonPath("$.roles[*].indicators[?(@.code == 'OUT_OF_HOURS.rota')].audience", contains("FACILITY")))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.code == 'OUT_OF_HOURS.rota')].reportItem", contains("NO2A.ROTA")))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.code == 'OUT_OF_HOURS.rota')].period", contains("PREVIOUS_CALENDAR_YEAR")))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.code == 'OUT_OF_HOURS.rota')].choices[*]", contains("FREQ_NONE_NO_INTENT",
                        "FREQ_NONE_WITH_INTENT", "FREQ_UNDER_1", "FREQ_1", "FREQ_2_3", "FREQ_4_5", "FREQ_6_9", "FREQ_10_PLUS")))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.code == 'OUT_OF_HOURS.member_duty_shifts')].audience", contains("ASSOCIATION")));
        // what an association is asked: never the report's own scales
        mvc.perform(get("/api/v1/questionnaires/current").param("facilityType", "ASSOCIATION").with(fixtures.bearer(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", hasSize(14)))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.type == 'REPORT_SCALE' || @.type == 'REPORT_FREQUENCY')]", hasSize(0)))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.audience == 'FACILITY' || @.audience == 'CLINIC')]", hasSize(0)))
                .andExpect(jsonPath("$.roles[*].indicators[?(@.code == 'OUT_OF_HOURS.member_duty_shifts')]", hasSize(1)));
    }

    @Test
    void assessmentsAreListedAndReadOnlyForTheirOwnFacility() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long roundId = rounds.startRound(clinic.id()).summary().id();
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        String outsider = fixtures.member(other, MemberRole.EDITOR);
        Fixtures.anonymous();

        mvc.perform(get("/api/v1/assessments").with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id", is((int) roundId)))
                .andExpect(jsonPath("$[0].status", is("DRAFT")));
        mvc.perform(get("/api/v1/assessments/{id}", roundId).with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers", hasSize(14)))
                .andExpect(jsonPath("$.answers[0].version").isNumber())
                .andExpect(jsonPath("$.answers[0].confirmed", is(true)))
                .andExpect(jsonPath("$.scores", hasSize(14)))
                .andExpect(jsonPath("$.scores[0].detailed", is(false)));
        mvc.perform(get("/api/v1/assessments").with(fixtures.bearer(outsider)))
                .andExpect(jsonPath("$[*].facilityId", everyItem(is(other.id().intValue()))));
        mvc.perform(get("/api/v1/assessments/{id}", roundId).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/assessments/{id}", 999999).with(fixtures.bearer(viewer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEditorStartsSavesConfirmsAndSubmitsARoundOverTheApi() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String outsider = fixtures.member(fixtures.facility(FacilityKind.HOSPITAL), MemberRole.EDITOR);
        Fixtures.anonymous();

        mvc.perform(post("/api/v1/facilities/{id}/assessments", clinic.id()).with(fixtures.bearer(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/facilities/{id}/assessments", clinic.id()).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound());
        String started = mvc.perform(post("/api/v1/facilities/{id}/assessments", clinic.id()).with(fixtures.bearer(editor)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.answers", hasSize(14)))
                .andExpect(jsonPath("$.missingLevels", hasSize(14)))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(started, "$.round.id");
        int version = JsonPath.read(started, "$.answers[8].version");
        mvc.perform(post("/api/v1/facilities/{id}/assessments", clinic.id()).with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.round.id", is(id)));

        // a version is required: If-Match or a body field
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .contentType("application/json").content("{\"level\": 3}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // full-width digits as a string, a JSON number, a choice; answered with the new version as ETag
        String saved = mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .header("If-Match", "\"" + version + "\"").contentType("application/json")
                        .content("""
                                {"level": 3, "priority": true, "note": "訪問看護と連携",
                                 "indicators": {"HOME_CARE.visit_patients": "１２", "HOME_CARE.home_visits": "YES",
                                                "HOME_CARE.co_physician": "NOT_APPLICABLE"}}"""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (version + 1) + "\""))
                .andExpect(jsonPath("$.level", is(3)))
                .andExpect(jsonPath("$.indicators['HOME_CARE.visit_patients']", is(12)))
                .andExpect(jsonPath("$.indicators['HOME_CARE.co_physician']", is("NOT_APPLICABLE")))
                .andExpect(jsonPath("$.confirmed", is(true)))
                .andReturn().getResponse().getContentAsString();
        int savedVersion = JsonPath.read(saved, "$.version");
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .contentType("application/json")
                        .content("{\"level\": 2, \"indicators\": {\"HOME_CARE.visit_patients\": 7.5}, \"version\": " + savedVersion + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators['HOME_CARE.visit_patients']", is(7.5)));

        // stale: 409 with the answer as it stands; nothing written
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .header("If-Match", "\"" + version + "\"").contentType("application/json").content("{\"level\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.current.level", is(2)))
                .andExpect(jsonPath("$.current.version", is(savedVersion + 1)));
        // bad values: 400 naming each field, with the message in the caller's language
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .header("If-Match", "\"" + (savedVersion + 1) + "\"").header("Accept-Language", "en-US,en;q=0.9")
                        .contentType("application/json")
                        .content("{\"level\": 9, \"indicators\": {\"HOME_CARE.visit_patients\": \"5000\", \"HOME_CARE.home_visits\": \"たぶん\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[?(@.field == 'level')].code", contains("assessment.error.level")))
                .andExpect(jsonPath("$.errors[?(@.field == 'HOME_CARE.visit_patients')].code", contains("assessment.error.numberRange")))
                .andExpect(jsonPath("$.errors[?(@.field == 'HOME_CARE.visit_patients')].message",
                        contains("Enter a number from 0 to 3,000 (at most 2 decimals)")))
                .andExpect(jsonPath("$.errors[?(@.field == 'HOME_CARE.home_visits')].code", contains("assessment.error.choice")));
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .header("If-Match", "\"" + (savedVersion + 1) + "\"").contentType("application/json")
                        .content("{\"indicators\": {\"HOME_CARE.visit_patients\": \"abc\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("HOME_CARE.visit_patients")))
                .andExpect(jsonPath("$.errors[0].code", is("assessment.error.notANumber")))
                .andExpect(jsonPath("$.errors[0].message", startsWith("数値で入力してください")));
        // the language chosen in the app (cookie) wins over the browser's Accept-Language
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(editor))
                        .header("If-Match", "\"" + (savedVersion + 1) + "\"").header("Accept-Language", "ja")
                        .cookie(new jakarta.servlet.http.Cookie("kkf-lang", "en")).contentType("application/json")
                        .content("{\"indicators\": {\"HOME_CARE.visit_patients\": \"abc\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", startsWith("Enter a number")));
        // viewers may not write, outsiders do not see the round
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(viewer))
                        .header("If-Match", "\"" + (savedVersion + 1) + "\"").contentType("application/json").content("{\"level\": 1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/assessments/{id}/roles/HOME_CARE", id).with(fixtures.bearer(outsider))
                        .header("If-Match", "\"" + (savedVersion + 1) + "\"").contentType("application/json").content("{\"level\": 1}"))
                .andExpect(status().isNotFound());

        // submit names the roles still without a level
        mvc.perform(post("/api/v1/assessments/{id}/submit", id).with(fixtures.bearer(editor)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.missingLevels", hasSize(13)))
                .andExpect(jsonPath("$.missingLevels", not(hasItem("HOME_CARE"))));
        Fixtures.as(editor);
        for (var a : rounds.round(id).answers()) {
            if (a.level() == null) {
                rounds.saveRoleAnswer(id, a.roleCode(), a.version(),
                        new jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput(1, false, null, java.util.Map.of()));
            }
        }
        Fixtures.anonymous();
        mvc.perform(post("/api/v1/assessments/{id}/submit", id).with(fixtures.bearer(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assessments/{id}/submit", id).with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.round.status", is("SUBMITTED")));

        // the next round carries the answers over, unconfirmed, with last time's answer beside them
        String next = mvc.perform(post("/api/v1/facilities/{id}/assessments", clinic.id()).with(fixtures.bearer(editor)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unconfirmed", hasSize(14)))
                .andExpect(jsonPath("$.answers[8].previous.level", is(2)))
                .andReturn().getResponse().getContentAsString();
        int nextId = JsonPath.read(next, "$.round.id");
        int homeCareVersion = JsonPath.read(next, "$.answers[8].version");
        mvc.perform(post("/api/v1/assessments/{id}/submit", nextId).with(fixtures.bearer(editor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.unconfirmed", hasSize(14)));
        mvc.perform(post("/api/v1/assessments/{id}/roles/HOME_CARE/confirm", nextId).with(fixtures.bearer(editor))
                        .header("If-Match", "\"" + homeCareVersion + "\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (homeCareVersion + 1) + "\""))
                .andExpect(jsonPath("$.confirmed", is(true)));
        mvc.perform(post("/api/v1/assessments/{id}/roles/HOME_CARE/confirm", nextId).with(fixtures.bearer(editor))
                        .contentType("application/json").content("{\"version\": " + homeCareVersion + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/assessments/{id}/roles/HOME_CARE/confirm", nextId).with(fixtures.bearer(editor)))
                .andExpect(status().isPreconditionRequired());
    }

    @Test
    void theOpenApiDescriptionListsTheApiAndOnlyTheApi() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", startsWith("3.1")))
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{facilityId}/assessments'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/roles/{roleCode}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/roles/{roleCode}/confirm'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/submit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/questionnaires/current'].get").exists())
                .andReturn().getResponse().getContentAsString();
        java.util.Map<String, Object> paths = JsonPath.read(docs, "$.paths");
        org.assertj.core.api.Assertions.assertThat(paths.keySet()).isNotEmpty().allMatch(p -> p.startsWith("/api/"));
        // Swagger UI's page and scripts are served (same-origin files, allowed by the CSP's script-src 'self')
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk());
    }
}
