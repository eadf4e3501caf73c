package jp.kakaritsuke.functionreport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/v1/facilities/{id}/report-preparations/{year}.xlsx against the real edition and preparation services, on
 * H2 and MariaDB: the facility's people get the workbook (in their language), everybody else 404, and the JSON
 * preparation at …/{year} still answers JSON (the .xlsx pattern is the more specific one).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PreparationWorkbookApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportPreparationService preparations;

    @Autowired
    ReportEditionService editions;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theFacilitysPeopleDownloadTheWorkbookOthersGet404() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String outsider = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.as(editor);
        int year = preparations.currentReportYear();
        var started = preparations.start(clinic.id(), year);
        preparations.save(clinic.id(), year, started.version(), Map.of("NO1.GP_SPECIALIST", AnswerInput.choice(1)));
        Fixtures.anonymous();
        String path = "/api/v1/facilities/{id}/report-preparations/{year}.xlsx";

        byte[] body = mvc.perform(get(path, clinic.id(), year).with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XLSX))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition",
                        containsString("kakaritsuke-report-" + year + "-facility-" + clinic.id() + ".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        ReportEdition edition = editions.forReportYear(year);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(wb.getSheetName(0)).isEqualTo("報告項目");
            assertThat(wb.getSheetName(1)).isEqualTo("院内掲示（案）");
            assertThat(wb.getSheetName(2)).isEqualTo("提出までのチェックリスト");
            Sheet items = wb.getSheetAt(0);
            // the real edition's items, in its order, with its numbers
            List<String> rows = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (ReportItem i : edition.items()) {
                expected.add((i.itemNo() == null ? "—" : i.itemNo()) + " " + i.wordingJa());
            }
            DataFormatter f = new DataFormatter();
            Row gp = null;
            boolean table = false;
            for (Row row : items) {
                String first = f.formatCellValue(row.getCell(0));
                if (!table) {
                    table = first.equals("No.");
                    continue;
                }
                String wording = f.formatCellValue(row.getCell(2));
                if (!wording.isEmpty()) {
                    rows.add(first + " " + wording);
                }
                if (wording.equals(edition.item("NO1.GP_SPECIALIST").orElseThrow().wordingJa())) {
                    gp = row;
                }
            }
            assertThat(rows).containsExactlyElementsOf(expected);
            assertThat(gp).isNotNull();
            assertThat(f.formatCellValue(gp.getCell(3))).startsWith("1:").contains("有り");
            assertThat(f.formatCellValue(gp.getCell(7))).isEqualTo("確認済み");
        }
        assertThat(firstSheet(get(path + "?lang=en", clinic.id(), year).with(fixtures.bearer(viewer)))).isEqualTo("Report items");
        assertThat(firstSheet(get(path, clinic.id(), year).with(fixtures.bearer(editor))
                .cookie(new jakarta.servlet.http.Cookie("kkf-lang", "en")))).isEqualTo("Report items");
        assertThat(firstSheet(get(path, clinic.id(), year).with(fixtures.bearer("admin")))).isEqualTo("報告項目");

        mvc.perform(get(path, clinic.id(), year).with(fixtures.bearer(outsider))).andExpect(status().isNotFound());
        mvc.perform(get(path, 987654321L, year).with(fixtures.bearer(viewer))).andExpect(status().isNotFound());
        mvc.perform(get(path, clinic.id(), year)).andExpect(status().isUnauthorized());
        // the JSON preparation on the shorter path is still JSON
        mvc.perform(get("/api/v1/facilities/{id}/report-preparations/{year}", clinic.id(), year).with(fixtures.bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"));
    }

    /** A year not started yet still gives a workbook: every item to answer, the checklist starting there. */
    @Test
    void aYearNotStartedGivesTheWorkbookToStartFrom() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.as(viewer);
        int year = preparations.currentReportYear();
        Fixtures.anonymous();
        byte[] body = mvc.perform(get("/api/v1/facilities/{id}/report-preparations/{year}.xlsx", clinic.id(), year)
                        .with(fixtures.bearer(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            StringBuilder text = new StringBuilder();
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(2).forEach(r -> r.forEach(c -> text.append(f.formatCellValue(c)).append('\n')));
            assertThat(text).contains("報告準備を始める", "都道府県の報告期限を確かめる");
        }
    }

    String firstSheet(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        byte[] body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            return wb.getSheetName(0);
        }
    }
}
