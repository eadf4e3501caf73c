package jp.kakaritsuke.functionreport;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The report's items over the API: behind a login like the questionnaire, both languages, periods as dates. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportEditionApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    String viewer;

    @BeforeEach
    void setUp() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        viewer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.anonymous();
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void needsALoginLikeTheQuestionnaire() throws Exception {
        mvc.perform(get("/api/v1/report-editions/current")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/report-editions/2026")).andExpect(status().isUnauthorized());
    }

    @Test
    void currentEditionWithItemsInOrderAndTheirChoices() throws Exception {
        mvc.perform(get("/api/v1/report-editions/current").with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.year", is(2026)))
                .andExpect(jsonPath("$.publishedOn", is("2025-11-04")))
                .andExpect(jsonPath("$.reportYear", is(2026)))
                .andExpect(jsonPath("$.functions[*].code", contains("NO1", "NO2_A", "NO2_B", "NO2_C", "NO2_D", "OTHER")))
                .andExpect(jsonPath("$.functions[0].labelJa", is("1号機能（日常的な診療を総合的かつ継続的に行う機能）")))
                .andExpect(jsonPath("$.functions[0].labelEn", startsWith("Function 1")))
                .andExpect(jsonPath("$.functions[*].items", contains(8, 10, 6, 7, 6, 3)))
                .andExpect(jsonPath("$.items", hasSize(40)))
                .andExpect(jsonPath("$.items[0].code", is("NO1.POSTING")))
                .andExpect(jsonPath("$.items[0].requiredForNo1", is(true)))
                .andExpect(jsonPath("$.items[0].confirmed", is(false)))
                .andExpect(jsonPath("$.items[0].unconfirmedNote", startsWith("要件(★)")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].itemNo", contains("1")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].choices[*].code", contains(0, 1, 2, 3, 4, 5, 6, 7)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].choices[7].labelJa", contains("有り(月10回以上)")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].choices[7].labelEn", contains("Yes (10 or more times a month)")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].choices[1].fulfils", contains(false)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].period.code", contains("PREVIOUS_CALENDAR_YEAR")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].period.from", contains("2025-01-01")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].period.to", contains("2025-12-31")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.ROTA')].period.labelJa", contains("前年（1月1日〜12月31日）")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2A.AFTER_HOURS_CLAIMS')].gmis", contains("NDB")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.PRIMARY_CARE_AREAS')].choices[0].exclusive", contains(true)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.GP_SPECIALIST_FTE')].dependsOn.item", contains("NO1.GP_SPECIALIST")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.GP_SPECIALIST_FTE')].dependsOn.choice", contains(1)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.GP_SPECIALIST_FTE')].decimals", contains(1)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.GP_SPECIALIST')].dependsOn", contains(nullValue())))
                .andExpect(jsonPath("$.crosswalk[*].derived", everyItem(is(true))))
                .andExpect(jsonPath("$.crosswalk[0].function", is("NO1")))
                .andExpect(jsonPath("$.crosswalk[0].role", is("CLINIC_CLINIC")))
                .andExpect(jsonPath("$.prefills", hasSize(2)))
                .andExpect(jsonPath("$.prefills[?(@.item == 'NO2D.OPINION_LETTER')].choiceMap.PROVIDED", contains(2)))
                .andExpect(jsonPath("$.prefills[?(@.item == 'NO2A.ROTA')].indicator", contains("OUT_OF_HOURS.rota")));
    }

    @Test
    void periodsFollowTheReportYearAsked() throws Exception {
        mvc.perform(get("/api/v1/report-editions/2026").param("reportYear", "2027").with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year", is(2026)))
                .andExpect(jsonPath("$.reportYear", is(2027)))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2B.REFERRED_OUTPATIENTS')].period.from", contains("2025-04-01")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO2B.REFERRED_OUTPATIENTS')].period.to", contains("2026-03-31")))
                .andExpect(jsonPath("$.items[?(@.code == 'NO1.POSTING')].period.from", contains("2027-01-01")));
    }

    @Test
    void anUnknownEditionIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/report-editions/1999").with(fixtures.bearer(viewer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.resource", is("report edition")))
                .andExpect(jsonPath("$.key", is("1999")));
        mvc.perform(get("/api/v1/report-editions/abc").with(fixtures.bearer(viewer))).andExpect(status().isBadRequest());
    }
}
