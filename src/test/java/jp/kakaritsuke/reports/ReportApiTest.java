package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/v1/assessments/{id}/report.xlsx: a real workbook for members, 403 for others, 400 for drafts. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportApiTest {

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
    void membersDownloadTheReportOthersAreRefused() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long id = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        long draft = rounds.startRound(clinic.id()).summary().id();
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        FacilityProfile other = fixtures.facility(FacilityKind.CLINIC);
        String outsider = fixtures.member(other, MemberRole.EDITOR);
        Fixtures.anonymous();

        byte[] body = mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", id).with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6); // cover, summary, recommendations, answers, trend (issue 15), action plan (issue 11)
        }
        mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", id).with(fixtures.bearer(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", draft).with(fixtures.bearer(viewer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", id)).andExpect(status().isUnauthorized());
    }

    /** The language of the UI reaches the download: ?lang, the UI's cookie, or an API client's Accept-Language. */
    @Test
    void theReportComesInTheUsersLanguage() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        long id = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.anonymous();

        assertThat(firstSheet(get("/api/v1/assessments/{id}/report.xlsx", id).with(fixtures.bearer(viewer)))).isEqualTo("表紙");
        assertThat(firstSheet(get("/api/v1/assessments/{id}/report.xlsx?lang=en", id).with(fixtures.bearer(viewer))))
                .isEqualTo("Cover");
        assertThat(firstSheet(get("/api/v1/assessments/{id}/report.xlsx", id).with(fixtures.bearer(viewer))
                .cookie(new jakarta.servlet.http.Cookie("kkf-lang", "en")))).isEqualTo("Cover");
        assertThat(firstSheet(get("/api/v1/assessments/{id}/report.xlsx", id).with(fixtures.bearer(viewer))
                .header("Accept-Language", "en-GB,en;q=0.8"))).isEqualTo("Cover");
        // a browser session follows the UI (Japanese unless the user switched), whatever its Accept-Language
        var session = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(viewer);
        assertThat(firstSheet(get("/api/v1/assessments/{id}/report.xlsx", id).with(session)
                .header("Accept-Language", "en-GB,en;q=0.8"))).isEqualTo("表紙");
        assertThat(firstSheet(get("/api/v1/assessments/{id}/report.xlsx", id).with(session)
                .cookie(new jakarta.servlet.http.Cookie("kkf-lang", "en")))).isEqualTo("Cover");
    }

    String firstSheet(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        byte[] body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            return wb.getSheetName(0);
        }
    }
}
