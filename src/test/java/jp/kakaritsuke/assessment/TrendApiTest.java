package jp.kakaritsuke.assessment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import java.util.List;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/v1/assessments/{id}/trend and …/trend/roles/{roleCode} (issue 15): read like the round, in the OpenAPI. */
@SpringBootTest
@AutoConfigureMockMvc
class TrendApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theTrendAndARolesIndicatorsForTheFacilityAnd404ForOthers() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        long first = fixtures.submitRound(clinic.id(), role -> 1, role -> false);
        long second = fixtures.submitRound(clinic.id(), role -> role == RoleCode.HOME_CARE ? 3 : 1, role -> false);
        String outsider = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();

        mvc.perform(get("/api/v1/assessments/{id}/trend", second)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/assessments/{id}/trend", second).with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facilityId", is(clinic.id().intValue())))
                .andExpect(jsonPath("$.rounds[*].id", contains((int) first, (int) second)))
                .andExpect(jsonPath("$.rounds[0].roles", hasSize(14)))
                .andExpect(jsonPath("$.rounds[1].roles[?(@.role == 'HOME_CARE')].level", contains(3)));
        mvc.perform(get("/api/v1/assessments/{id}/trend/roles/HOME_CARE", first).with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role", is("HOME_CARE")))
                .andExpect(jsonPath("$.levels", contains(1, 3)))
                .andExpect(jsonPath("$.language", is("ja")))
                .andExpect(jsonPath("$.indicators[0].label", matchesPattern(".*\\p{IsHan}.*")))
                .andExpect(jsonPath("$.indicators[0].rounds[0].asked", is(true)))
                .andExpect(jsonPath("$.indicators[0].rounds[0].value").doesNotExist());
        // English for a client that asks for it, by parameter or by Accept-Language
        for (var english : List.of(get("/api/v1/assessments/{id}/trend/roles/HOME_CARE?lang=en", first),
                get("/api/v1/assessments/{id}/trend/roles/HOME_CARE", first).header("Accept-Language", "en-US"))) {
            mvc.perform(english.with(fixtures.bearer(editor)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.language", is("en")))
                    .andExpect(jsonPath("$.indicators[0].label", not(matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*"))));
        }
        mvc.perform(get("/api/v1/assessments/{id}/trend", second).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/{id}/trend/roles/HOME_CARE", second).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/trend'].get.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/trend/roles/{roleCode}'].get").exists());
    }
}
