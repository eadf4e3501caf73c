package jp.kakaritsuke.peers;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The peers API: the same rules as the service, problem+json for a bad group, 404 for a round not visible. */
@SpringBootTest
@AutoConfigureMockMvc
class PeerApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void peersAndConsentOverTheApi() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        long round = fixtures.submitRound(clinic.id(), r -> 2, r -> false);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
        String outsider = fixtures.member(other, MemberRole.EDITOR);
        Fixtures.anonymous();

        mvc.perform(get("/api/v1/assessments/{id}/peers", round).with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind", is("DEFAULT")))
                .andExpect(jsonPath("$.withheld", is("NO_CONSENT")))
                .andExpect(jsonPath("$.size", is(0)))
                .andExpect(jsonPath("$.group.kind", is("CLINIC")))
                .andExpect(jsonPath("$.group.region", is("KANTO")))
                .andExpect(jsonPath("$.roles", hasSize(14)))
                .andExpect(jsonPath("$.roles[0].facilityLevel", is(2)));

        mvc.perform(get("/api/v1/facilities/{id}/peer-consent", clinic.id()).with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consenting", is(false)))
                .andExpect(jsonPath("$.canChange", is(false)));
        mvc.perform(put("/api/v1/facilities/{id}/peer-consent", clinic.id()).with(fixtures.bearer(viewer))
                        .contentType("application/json").content("{\"consenting\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/facilities/{id}/peer-consent", clinic.id()).with(fixtures.bearer(editor))
                        .contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("consenting")));
        mvc.perform(put("/api/v1/facilities/{id}/peer-consent", clinic.id()).with(fixtures.bearer(editor))
                        .contentType("application/json").content("{\"consenting\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consenting", is(true)))
                .andExpect(jsonPath("$.changedBy", is(editor)));

        mvc.perform(get("/api/v1/assessments/{id}/peers", round).param("group", "custom").param("prefecture", "千葉県")
                        .param("designation", "PRIMARY_CARE_FUNCTION_ENHANCEMENT").with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind", is("CUSTOM")))
                .andExpect(jsonPath("$.withheld", is("TOO_FEW")))
                .andExpect(jsonPath("$.size", is(0)))
                .andExpect(jsonPath("$.group.prefecture", is("千葉県")))
                .andExpect(jsonPath("$.roles[0].median").doesNotExist());
        mvc.perform(get("/api/v1/assessments/{id}/peers", round).param("group", "recommended").with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind", is("RECOMMENDED")));

        // a bad group: problem+json naming the parameters
        mvc.perform(get("/api/v1/assessments/{id}/peers", round).param("group", "custom")
                        .param("bedBand", "HOSPITAL_400_PLUS").param("region", "KANTO").param("prefecture", "千葉県")
                        .with(fixtures.bearer(editor)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fields", contains("bedBand", "region", "prefecture")));
        mvc.perform(get("/api/v1/assessments/{id}/peers", round).param("group", "custom").param("kind", "SHOP")
                        .param("designation", "NOPE").with(fixtures.bearer(editor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("kind", "designation")));
        mvc.perform(get("/api/v1/assessments/{id}/peers", round).param("group", "best").with(fixtures.bearer(editor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("group")));

        // another facility's user: not found, like every assessment endpoint
        mvc.perform(get("/api/v1/assessments/{id}/peers", round).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/facilities/{id}/peer-consent", clinic.id()).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/{id}/peers", round)).andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDescriptionListsThePeersApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/peers'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/peers'].get.parameters[*].name",
                        hasItem("designation")))
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{id}/peer-consent'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{id}/peer-consent'].put").exists());
    }
}
