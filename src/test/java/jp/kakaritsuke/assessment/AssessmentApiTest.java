package jp.kakaritsuke.assessment;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.kakaritsuke.assessment.service.AssessmentService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.FacilityType;
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
    AssessmentService assessments;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void currentQuestionnaireNeedsAuthentication() throws Exception {
        mvc.perform(get("/api/v1/questionnaires/current")).andExpect(status().isUnauthorized());
        FacilityProfile clinic = fixtures.facility(FacilityType.CLINIC);
        String user = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.anonymous();
        mvc.perform(get("/api/v1/questionnaires/current").with(fixtures.bearer(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.roles", hasSize(14)))
                .andExpect(jsonPath("$.roles[0].levelsJa", hasSize(5)))
                .andExpect(jsonPath("$.roles[*].indicators[*].source.case").isNotEmpty())
                .andExpect(jsonPath("$.roles[*].indicators[*].source.practice").isNotEmpty());
    }

    @Test
    void assessmentsAreListedAndReadOnlyForTheirOwnFacility() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityType.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long roundId = assessments.startRound(clinic.id()).summary().id();
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        FacilityProfile other = fixtures.facility(FacilityType.HOSPITAL);
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
                .andExpect(jsonPath("$.scores", hasSize(14)));
        mvc.perform(get("/api/v1/assessments").with(fixtures.bearer(outsider)))
                .andExpect(jsonPath("$[*].facilityId", everyItem(is(other.id().intValue()))));
        mvc.perform(get("/api/v1/assessments/{id}", roundId).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/assessments/{id}", 999999).with(fixtures.bearer(viewer)))
                .andExpect(status().isNotFound());
    }
}
