package jp.kakaritsuke.actionplan;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The action plan over HTTP: 201/200 for its people, 400 per field, 409 on a stale version, 403/404/401 for others. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionPlanApiTest {

    static final String ACTION = """
            {"roleCode": "HOME_CARE", "practice": {"case": "17", "practice": 1}, "what": "訪問診療の枠を週2回にする",
             "who": "院長", "dueDate": "2027-03-31"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void editorsChangeViewersReadOthersGetNotFound() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        Fixtures.asAdmin();
        long association = associations.create("行動計画API 医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        associations.addFacility(association, clinic.id());
        String staff = fixtures.associationAdmin(association);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String outsider = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();

        String created = mvc.perform(post("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(editor))
                        .contentType(MediaType.APPLICATION_JSON).content(ACTION))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status", is("PLANNED")))
                .andExpect(jsonPath("$.practice.label", is("事例17 ①")))
                .andExpect(jsonPath("$.dueDate", is("2027-03-31")))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(get("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(viewer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].what", is("訪問診療の枠を週2回にする")));
        mvc.perform(get("/api/v1/actions/{id}", id).with(fixtures.bearer(viewer))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/actions/{id}", id).with(fixtures.bearer(viewer)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(ACTION)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(viewer))
                .contentType(MediaType.APPLICATION_JSON).content(ACTION)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/actions/{id}", id).with(fixtures.bearer(viewer))).andExpect(status().isForbidden());

        for (String stranger : new String[] {staff, outsider}) {
            mvc.perform(get("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(stranger)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            mvc.perform(get("/api/v1/actions/{id}", id).with(fixtures.bearer(stranger))).andExpect(status().isNotFound());
            mvc.perform(put("/api/v1/actions/{id}", id).with(fixtures.bearer(stranger)).header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content(ACTION)).andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/actions/{id}", id).with(fixtures.bearer(stranger))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(stranger))
                    .contentType(MediaType.APPLICATION_JSON).content(ACTION)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/actions/{id}", 987654321L).with(fixtures.bearer(editor))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/facilities/{id}/actions", clinic.id())).andExpect(status().isUnauthorized());

        // version as a field, then a stale If-Match
        mvc.perform(put("/api/v1/actions/{id}", id).with(fixtures.bearer(editor)).contentType(MediaType.APPLICATION_JSON)
                        .content(ACTION.replace("\"dueDate\"", "\"status\": \"IN_PROGRESS\", \"version\": 0, \"dueDate\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("IN_PROGRESS")))
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(put("/api/v1/actions/{id}", id).with(fixtures.bearer(editor)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(ACTION))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(delete("/api/v1/actions/{id}", id).with(fixtures.bearer(editor)).header("If-Match", "W/\"0\""))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/facilities/{id}/actions?open=true", clinic.id()).with(fixtures.bearer(editor)))
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(delete("/api/v1/actions/{id}", id).with(fixtures.bearer(editor)).header("If-Match", "\"1\""))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/actions/{id}", id).with(fixtures.bearer(editor))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedFieldByFieldInTheRequestsLanguage() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.anonymous();
        mvc.perform(post("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(editor))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roleCode\": \"NOPE\", \"what\": \"\", \"who\": \"@cmd\", \"practice\": {\"case\": \"17\", \"practice\": 42}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("roleCode", "what", "who", "practice")))
                .andExpect(jsonPath("$.errors[?(@.field == 'what')].code").value("actions.error.whatRequired"))
                .andExpect(jsonPath("$.errors[?(@.field == 'what')].message").value("Enter what is to be done"));
        mvc.perform(post("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(editor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roleCode\": \"HOME_CARE\", \"what\": \"x\", \"dueDate\": \"2027/3/31\", \"status\": \"FINISHED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("dueDate", "status")))
                .andExpect(jsonPath("$.errors[?(@.field == 'dueDate')].message").value("期日は 2027-03-31 の形 (年-月-日) で指定してください"));
        String created = mvc.perform(post("/api/v1/facilities/{id}/actions", clinic.id()).with(fixtures.bearer(editor))
                .contentType(MediaType.APPLICATION_JSON).content(ACTION)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(put("/api/v1/actions/{id}", id).with(fixtures.bearer(editor))
                        .contentType(MediaType.APPLICATION_JSON).content(ACTION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("version")));
    }
}
