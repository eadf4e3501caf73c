package jp.kakaritsuke.functionreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers.Submission;
import jp.kakaritsuke.testsupport.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The API: the assessment API's version conventions (ETag, If-Match, 428, 409 with current, 400 per item). */
class ReportPreparationApiTest extends PreparationTestBase {

    @Autowired
    MockMvc mvc;

    String path() {
        return "/api/v1/facilities/" + clinic.id() + "/report-preparations/" + year;
    }

    MvcResult putJson(String ifMatch, String json, int expected) throws Exception {
        var request = put(path()).with(fixtures.bearer(editor)).contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request).andExpect(status().is(expected)).andReturn();
    }

    static String etag(MvcResult r) {
        return r.getResponse().getHeader("ETag");
    }

    @Test
    void aYearNotStartedReadsWithEveryItemUnansweredAndVersionZero() throws Exception {
        mvc.perform(get(path()).with(fixtures.bearer(editor)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.started").value(false))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.reportYear").value(year))
                .andExpect(jsonPath("$.items.length()").value(thisYear.items().size()))
                .andExpect(jsonPath("$.items[0].code").value("NO1.POSTING"))
                .andExpect(jsonPath("$.items[0].answer").doesNotExist())
                .andExpect(jsonPath("$.no1.met").value(false))
                .andExpect(jsonPath("$.no1.unanswered[0]").value("NO1.POSTING"));
    }

    @Test
    void aPutWithoutVersionIs428AndItsFirstPutStartsThePreparation() throws Exception {
        putJson(null, "{\"answers\": {}}", 428);
        MvcResult created = putJson("\"0\"", """
                {"answers": {"NO2A.ROTA": {"choices": [3]}, "NO1.GP_SPECIALIST": {"choices": [1]},
                 "NO1.GP_SPECIALIST_FTE": {"number": "１．５"}, "NO2A.AFTER_HOURS_CLAIMS": {"number": 12},
                 "NO2A.PARTNERS": {"names": ["柏中央病院", ""]}, "NO2A.NOTES": {"text": "在宅のみ"}}}""", 201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(path());
        String body = created.getResponse().getContentAsString();
        assertThat(body).contains("\"started\":true", "\"status\":\"DRAFT\"");
        mvc.perform(get(path()).with(fixtures.bearer(editor)))
                .andExpect(header().string("ETag", etag(created)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].answer.choices[0]").value(3))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].origin").value("ENTERED"))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].confirmed").value(true))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.GP_SPECIALIST_FTE')].answer.number").value(1.5))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.GP_SPECIALIST_FTE')].asked").value(true))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.AFTER_HOURS_CLAIMS')].answer.number").value(12))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.PARTNERS')].answer.names[0]").value("柏中央病院"))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.NOTES')].answer.text").value("在宅のみ"))
                .andExpect(jsonPath("$.functionsProvided[0]").value("NO2_A"));
        // a second PUT with the new version: 200, a new ETag; null clears
        MvcResult again = putJson(etag(created), "{\"answers\": {\"NO2A.NOTES\": null}}", 200);
        assertThat(etag(again)).isNotEqualTo(etag(created));
        assertThat(again.getResponse().getContentAsString()).doesNotContain("在宅のみ");
    }

    @Test
    void refusedAnswersAre400PerItemInTheCallersLanguage() throws Exception {
        mvc.perform(put(path()).with(fixtures.bearer(editor)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\": {\"NO2A.ROTA\": {\"choices\": [9]}, \"NO1.PRIMARY_CARE_AREAS\": {\"choices\": [0, 4]},"
                                + " \"NO1.GP_SPECIALIST_FTE\": {\"number\": \"1.57\"}, \"NO9.X\": {\"choices\": [1]}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("NO2A.ROTA", "NO1.PRIMARY_CARE_AREAS",
                        "NO1.GP_SPECIALIST_FTE", "NO9.X")))
                .andExpect(jsonPath("$.errors[?(@.field == 'NO1.GP_SPECIALIST_FTE')].code").value("functionreport.error.decimals"))
                .andExpect(jsonPath("$.errors[?(@.field == 'NO1.GP_SPECIALIST_FTE')].message")
                        .value("小数第1位まで入力してください。報告では小数第2位以下を切り捨てます（→ 1.5）"));
        mvc.perform(put(path()).with(fixtures.bearer(editor)).header("If-Match", "\"0\"").header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\": {\"NO2A.ROTA\": {\"choices\": [null]}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("NO2A.ROTA"))
                .andExpect(jsonPath("$.errors[0].message").value("Option null is not one of this item's choices"));
        // nothing was started by the refused requests
        mvc.perform(get(path()).with(fixtures.bearer(editor))).andExpect(jsonPath("$.started").value(false));
        // If-Match and version must agree
        putJson("\"0\"", "{\"answers\": {}, \"version\": 3}", 400);
    }

    @Test
    void aStaleVersionIs409WithThePreparationAsItNowStands() throws Exception {
        MvcResult first = putJson("\"0\"", "{\"answers\": {\"NO2A.ROTA\": {\"choices\": [3]}}}", 201);
        mvc.perform(put(path()).with(fixtures.bearer(editor)).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\": {\"NO2A.ROTA\": {\"choices\": [7]}}}"))
                .andExpect(status().isConflict())
                .andExpect(header().string("ETag", etag(first)))
                .andExpect(jsonPath("$.current.items[?(@.code == 'NO2A.ROTA')].answer.choices[0]").value(3));
    }

    @Test
    void confirmSubmitAndReopenOverTheApi() throws Exception {
        when(selfAssessment.latestSubmitted(anyLong())).thenReturn(Optional.of(new Submission(1, 3, Instant.parse(year + "-01-20T03:00:00Z"),
                Map.of("CARE_WELFARE.opinion_letter", "PROVIDED"), Map.of())));
        MvcResult started = putJson("\"0\"", "{\"answers\": {\"NO2A.ROTA\": {\"choices\": [0]}}}", 201);
        mvc.perform(get(path()).with(fixtures.bearer(editor)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2D.OPINION_LETTER')].origin").value("PREFILLED"))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2D.OPINION_LETTER')].confirmed").value(false))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2D.OPINION_LETTER')].prefilledFrom").value("自己評価 " + year + "-01-20 提出 / 主治医意見書の作成"))
                .andExpect(jsonPath("$.unconfirmed[0]").value("NO2D.OPINION_LETTER"));
        mvc.perform(post(path() + "/submit").with(fixtures.bearer(editor)).header("If-Match", etag(started)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("NO2D.OPINION_LETTER"))
                .andExpect(jsonPath("$.errors[0].code").value("functionreport.error.unconfirmed"));
        mvc.perform(post(path() + "/submit").with(fixtures.bearer(editor))).andExpect(status().isPreconditionRequired());
        MvcResult confirmed = putJson(etag(started), "{\"confirm\": [\"NO2D.OPINION_LETTER\"]}", 200);
        MvcResult submitted = mvc.perform(post(path() + "/submit").with(fixtures.bearer(editor))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + etag(confirmed).replace("\"", "") + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedBy").value(editor))
                .andExpect(jsonPath("$.canEdit").value(false)).andReturn();
        putJson(etag(submitted), "{\"answers\": {\"NO2A.ROTA\": {\"choices\": [1]}}}", 400);
        mvc.perform(post(path() + "/reopen").with(fixtures.bearer(editor)).header("If-Match", "\"0\""))
                .andExpect(status().isConflict());
        mvc.perform(post(path() + "/reopen").with(fixtures.bearer(editor)).header("If-Match", etag(submitted)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void viewersReadAndAreRefusedChangesOutsidersFindNothing() throws Exception {
        putJson("\"0\"", "{\"answers\": {\"NO2A.ROTA\": {\"choices\": [3]}}}", 201);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String outsider = fixtures.member(fixtures.facility(jp.kakaritsuke.base.FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        mvc.perform(get(path()).with(fixtures.bearer(viewer))).andExpect(status().isOk()).andExpect(jsonPath("$.canEdit").value(false));
        mvc.perform(put(path()).with(fixtures.bearer(viewer)).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\": {}}")).andExpect(status().isForbidden());
        mvc.perform(get(path()).with(fixtures.bearer(outsider))).andExpect(status().isNotFound());
        mvc.perform(get(path())).andExpect(status().isUnauthorized());
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{facilityId}/report-preparations/{year}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{facilityId}/report-preparations/{year}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{facilityId}/report-preparations/{year}/submit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/facilities/{facilityId}/report-preparations/{year}/reopen'].post").exists());
    }
}
