package jp.kakaritsuke.caselibrary;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The published, read-only JSON API: no login, the documented shapes, problem+json errors. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseLibraryApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void rolesInTheSeedsOrderWithoutLogin() throws Exception {
        mvc.perform(get("/api/v1/roles"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$", hasSize(14)))
                .andExpect(jsonPath("$[0].code", is("CLINIC_CLINIC")))
                .andExpect(jsonPath("$[0].nameJa", is("診診連携")))
                .andExpect(jsonPath("$[0].group", is("MEDICAL_COOPERATION")))
                .andExpect(jsonPath("$[7].nameJa", is("休日夜間・24時間対応")))
                .andExpect(jsonPath("$[13].code", is("OTHER")));
    }

    @Test
    void allTwentyFiveCasesWithSeventyNinePractices() throws Exception {
        mvc.perform(get("/api/v1/cases"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(25)))
                .andExpect(jsonPath("$[*].practices[*]", hasSize(79)))
                .andExpect(jsonPath("$[0].number", is("1")))
                .andExpect(jsonPath("$[19].number", is("参考1")))
                .andExpect(jsonPath("$[19].roles", hasSize(0)))
                .andExpect(jsonPath("$[*].practices[*].rolesDerived", everyItem(is(true))));
    }

    @Test
    void oneCaseWithItsMarksPracticesAndSourceReferences() throws Exception {
        mvc.perform(get("/api/v1/cases/17"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category", is("REGIONAL")))
                .andExpect(jsonPath("$.prefecture", is("千葉県")))
                .andExpect(jsonPath("$.municipality", is("柏市")))
                .andExpect(jsonPath("$.roles", contains("CLINIC_CLINIC", "CLINIC_HOSPITAL", "CARE_WELFARE",
                        "OUT_OF_HOURS", "HOME_CARE", "MULTIDISCIPLINARY")))
                .andExpect(jsonPath("$.derivedRoles", hasSize(0)))
                .andExpect(jsonPath("$.practices", hasSize(4)))
                .andExpect(jsonPath("$.practices[0].number", is(1)))
                .andExpect(jsonPath("$.practices[0].title", startsWith("主治医・副主治医制")))
                .andExpect(jsonPath("$.practices[0].source", is("事例17 ①")));
        mvc.perform(get("/api/v1/cases/10"))
                .andExpect(jsonPath("$.beds", is(178)))
                .andExpect(jsonPath("$.bedBreakdown.general", is(130)))
                .andExpect(jsonPath("$.bedBreakdown.longTerm", is(48)));
    }

    @Test
    void referenceCasesByTheirJapaneseNumber() throws Exception {
        mvc.perform(get("/api/v1/cases/{n}", "参考3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind", is("REFERENCE")))
                .andExpect(jsonPath("$.roles", hasSize(0)))
                .andExpect(jsonPath("$.highlights", hasSize(3)))
                .andExpect(jsonPath("$.practices[2].source", is("参考3 ③")));
    }

    @Test
    void unknownCaseIsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/cases/99"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status", is(404)))
                .andExpect(jsonPath("$.key", is("99")));
    }

    @Test
    void surveyWithAllAnswers() throws Exception {
        mvc.perform(get("/api/v1/survey"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[*].answers[*]", hasSize(117)))
                .andExpect(jsonPath("$[0].answers[0].respondent", is("北海道")))
                .andExpect(jsonPath("$[0].answers[6].respondentType", is("CITY")));
    }

    @Test
    void theApiIsReadOnly() throws Exception {
        // Anonymous writes are refused by security before any handler is looked up.
        mvc.perform(delete("/api/v1/cases/17")).andExpect(status().isUnauthorized());
    }
}
