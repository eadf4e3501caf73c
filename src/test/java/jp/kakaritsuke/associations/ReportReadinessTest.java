package jp.kakaritsuke.associations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.ReportReadiness;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.ReportReadinessService;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.reports.service.RollupReportService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12: an association's view of its members' report preparation, on H2 and MariaDB, over the real 2026 edition
 * and preparations stored in the preparation tables. 千葉県医師会 (P) above 柏市医師会 (A: five clinics and its own office)
 * and 松戸市医師会 (B); 愛知県医師会 (Q) beside them. In A: three submitted (1号 met; 輪番 all 「有り(月1回未満)」,
 * 主治医意見書 two 「有り」 and one 「無し(意向無し)」), one draft, one not started; the office does not report.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportReadinessTest {

    static final int YEAR = 2026;

    @Autowired
    Fixtures fixtures;
    @Autowired
    AssociationAdminService admin;
    @Autowired
    FacilityService facilities;
    @Autowired
    ReportReadinessService readiness;
    @Autowired
    RollupReportService rollupReports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    long p;
    long a;
    long b;
    long q;
    final List<FacilityProfile> kashiwa = new ArrayList<>();
    FacilityProfile office;
    FacilityProfile matsudo;
    String adminOfA;
    String adminOfQ;
    String editor;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        p = admin.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        a = admin.create("柏市医師会", AssociationLevel.MUNICIPAL, "千葉県", p);
        b = admin.create("松戸市医師会", AssociationLevel.MUNICIPAL, "千葉県", p);
        q = admin.create("愛知県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "愛知県", null);
        for (int i = 0; i < 5; i++) {
            FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
            kashiwa.add(f);
            if (i == 0 || i == 3) {
                Fixtures.asAdmin();
                facilities.setConsent(f.id(), true);
            }
            Fixtures.asAdmin();
            admin.addFacility(a, f.id());
        }
        editor = fixtures.member(kashiwa.get(0), MemberRole.EDITOR);
        office = fixtures.facility(FacilityKind.ASSOCIATION);
        Fixtures.asAdmin();
        admin.addFacility(a, office.id());
        matsudo = fixtures.facility(FacilityKind.CLINIC);
        Fixtures.asAdmin();
        admin.addFacility(b, matsudo.id());
        // stored as the preparation service stores them (021-report-preparation.xml)
        preparation(kashiwa.get(0), "SUBMITTED", true, 2, 2);
        preparation(kashiwa.get(1), "SUBMITTED", true, 2, 2);
        preparation(kashiwa.get(2), "SUBMITTED", true, 2, 0);
        preparation(kashiwa.get(3), "DRAFT", true, 5, 2);
        preparation(matsudo, "SUBMITTED", true, 2, 2);
        adminOfA = fixtures.associationAdmin(a);
        adminOfQ = fixtures.associationAdmin(q);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    void preparation(FacilityProfile f, String status, boolean no1, int rota, int opinion) {
        Timestamp now = Timestamp.from(Instant.parse("2026-02-01T00:00:00Z"));
        jdbc.sql("""
                INSERT INTO report_preparation (facility_id, report_year, edition_year, status, no1_met, version,
                    created_at, created_by, updated_at, updated_by, submitted_at, submitted_by)
                VALUES (?, ?, ?, ?, ?, 1, ?, 'test', ?, 'test', ?, ?)""")
                .params(f.id(), YEAR, YEAR, status, no1, now, now, "SUBMITTED".equals(status) ? now : null,
                        "SUBMITTED".equals(status) ? "test" : null)
                .update();
        long id = jdbc.sql("SELECT id FROM report_preparation WHERE facility_id = ? AND report_year = ?")
                .params(f.id(), YEAR).query(Long.class).single();
        jdbc.sql("INSERT INTO report_preparation_answer (preparation_id, item_code, choice_codes, origin, confirmed) VALUES (?, ?, ?, 'ENTERED', TRUE)")
                .params(id, "NO2A.ROTA", String.valueOf(rota)).update();
        jdbc.sql("INSERT INTO report_preparation_answer (preparation_id, item_code, choice_codes, origin, confirmed) VALUES (?, ?, ?, 'ENTERED', TRUE)")
                .params(id, "NO2D.OPINION_LETTER", String.valueOf(opinion)).update();
    }

    static ReportReadiness.ItemDistribution item(ReportReadiness r, String code) {
        return r.items().stream().filter(i -> i.itemCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theAssociationSeesItsMembersStatesAndTheirAnswersWithSmallCountsHidden() {
        Fixtures.as(adminOfA);
        ReportReadiness r = readiness.readiness(a, YEAR);
        assertThat(r.reportYear()).isEqualTo(YEAR);
        assertThat(r.editionYear()).isEqualTo(YEAR);
        assertThat(r.members()).as("the five clinics; the office does not report").isEqualTo(5);
        assertThat(r.notReporting()).isEqualTo(1);
        // 5 = 1 not started + 1 draft + 3 submitted: the two 1s hidden, nothing pins them (1 + 1 = 2 either way)
        assertThat(r.total()).isEqualTo(new ReportReadiness.Readiness(Cell.hidden(), Cell.hidden(), Cell.shown(3),
                Cell.shown(3), Cell.shown(0)));
        assertThat(r.municipalities()).extracting(ReportReadiness.MunicipalityReadiness::municipality).containsExactly("柏市");
        ReportReadiness.ItemDistribution rota = item(r, "NO2A.ROTA");
        assertThat(rota.categories()).startsWith("0", "1", "2").endsWith("NO_ANSWER");
        assertThat(rota.total().base()).isEqualTo(Cell.shown(3));
        assertThat(rota.total().counts().get("2")).isEqualTo(Cell.shown(3));
        assertThat(rota.total().counts().get("5")).as("the draft's answer is not counted").isEqualTo(Cell.shown(0));
        ReportReadiness.ItemDistribution opinion = item(r, "NO2D.OPINION_LETTER");
        assertThat(opinion.total().counts().get("2")).isEqualTo(Cell.hidden());
        assertThat(opinion.total().counts().get("0")).isEqualTo(Cell.hidden());
        assertThat(opinion.municipalities().getFirst().counts().get("0")).isEqualTo(Cell.hidden());
        assertThat(r.items()).as("only 2号 items").allMatch(i -> i.function().secondary());
        // the prefecture sees both cities, 松戸 listed with its single member hidden
        Fixtures.asAdmin();
        ReportReadiness pref = readiness.readiness(p, YEAR);
        assertThat(pref.members()).isEqualTo(6);
        assertThat(pref.total().submitted()).isEqualTo(Cell.shown(4));
    }

    @Test
    void onlyConsentingMembersAreNamedWithTheirStateOnly() throws Exception {
        Fixtures.as(adminOfA);
        ReportReadiness r = readiness.readiness(a, YEAR);
        assertThat(r.identifiedMembers()).extracting(ReportReadiness.MemberRow::facilityId)
                .containsExactlyInAnyOrder(kashiwa.get(0).id(), kashiwa.get(3).id());
        ReportReadiness.MemberRow draft = r.identifiedMembers().stream().filter(m -> m.facilityId() == kashiwa.get(3).id()).findFirst().orElseThrow();
        assertThat(draft.status()).isEqualTo(ReportReadiness.Status.IN_PROGRESS);
        assertThat(draft.no1Met()).as("a draft's answers stay inside the facility").isNull();
        Fixtures.anonymous();
        String json = mvc.perform(get("/api/v1/associations/{id}/rollup", a).param("reportYear", "2026").with(fixtures.bearer(adminOfA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        for (int i : new int[] {1, 2, 4}) {
            assertThat(json).as("a member that did not consent is never named").doesNotContain(kashiwa.get(i).name());
        }
        assertThat(json).contains(kashiwa.get(0).name());
    }

    @Test
    void anotherAssociationsStaffAndAFacilityEditorGet404() throws Exception {
        Fixtures.as(adminOfQ);
        assertThatThrownBy(() -> readiness.readiness(a, YEAR)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> readiness.readiness(a, 1999)).as("visibility before the year").isInstanceOf(NotFoundException.class);
        Fixtures.as(adminOfA);
        assertThatThrownBy(() -> readiness.readiness(b, YEAR)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> readiness.readiness(p, YEAR)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> readiness.readiness(a, 1999)).isInstanceOf(FieldErrors.class);
        Fixtures.as(editor);
        assertThatThrownBy(() -> readiness.readiness(a, YEAR)).isInstanceOf(NotFoundException.class);
        Fixtures.anonymous();
        for (long other : new long[] {b, p, q, Long.MAX_VALUE}) {
            mvc.perform(get("/api/v1/associations/{id}/rollup", other).param("reportYear", "2026").with(fixtures.bearer(adminOfA)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).param("reportYear", "2026").with(fixtures.bearer(editor)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).param("reportYear", "2026")).andExpect(status().isUnauthorized());
    }

    @Test
    void theRollupJsonKeepsItsFieldsAndAddsTheYearsPreparation() throws Exception {
        Fixtures.anonymous();
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).param("reportYear", "2026").with(fixtures.bearer(adminOfA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.associationId", Matchers.is((int) a)))
                .andExpect(jsonPath("$.members", Matchers.is(6)))
                .andExpect(jsonPath("$.completeness.submitted").exists())
                .andExpect(jsonPath("$.roles", Matchers.hasSize(14)))
                .andExpect(jsonPath("$.reportPreparation.reportYear", Matchers.is(2026)))
                .andExpect(jsonPath("$.reportPreparation.members", Matchers.is(5)))
                .andExpect(jsonPath("$.reportPreparation.notReporting", Matchers.is(1)))
                .andExpect(jsonPath("$.reportPreparation.total.notStarted", Matchers.is("x")))
                .andExpect(jsonPath("$.reportPreparation.total.submitted", Matchers.is(3)))
                .andExpect(jsonPath("$.reportPreparation.items[?(@.itemCode == 'NO2D.OPINION_LETTER')].total.counts['2']",
                        Matchers.contains("x")))
                .andExpect(jsonPath("$.reportPreparation.items[?(@.itemCode == 'NO2A.ROTA')].total.counts['2']",
                        Matchers.contains(3)))
                .andExpect(jsonPath("$.reportPreparation.identifiedMembers", Matchers.hasSize(2)));
        // the default: the season being prepared
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).with(fixtures.bearer(adminOfA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportPreparation.reportYear", Matchers.is(readiness.currentReportYear())));
        mvc.perform(get("/api/v1/associations/{id}/rollup", a).param("reportYear", "1999").with(fixtures.bearer(adminOfA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", Matchers.is("reportYear")))
                .andExpect(jsonPath("$.errors[0].code", Matchers.is("readiness.error.year")));
    }

    @Test
    void theRollupWorkbookHasTheSheetWithTheSameFiguresAndMarkers() throws Exception {
        Fixtures.as(adminOfA);
        var out = new ByteArrayOutputStream();
        rollupReports.write(rollupReports.download(a, YEAR), Locale.JAPANESE, out);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            Sheet sheet = wb.getSheet("機能報告の準備状況");
            assertThat(sheet).isNotNull();
            List<List<String>> rows = rows(sheet);
            assertThat(rows.getFirst().getFirst()).contains("柏市医師会").contains("2026");
            List<String> total = rows.stream().filter(r -> r.size() >= 7 && "合計".equals(r.get(0)) && "5".equals(r.get(1)))
                    .findFirst().orElseThrow();
            assertThat(total.subList(1, 7)).containsExactly("5", "x", "x", "3", "3", "0");
            // 主治医意見書: header with the report's own choices, the total row with the hidden 2 and 1
            int header = indexOf(rows, r -> r.size() > 2 && r.get(1).equals("対象施設") && r.contains("2: 有り"));
            assertThat(rows.get(header).getLast()).isEqualTo("回答なし");
            assertThat(rows.get(header + 1).get(0)).isEqualTo("合計");
            assertThat(rows.get(header + 1)).contains("x");
            assertThat(rows.get(header + 2).get(0)).isEqualTo("柏市");
            // consenting members only
            String all = rows.toString();
            assertThat(all).contains(kashiwa.get(0).name(), kashiwa.get(3).name()).doesNotContain(kashiwa.get(1).name())
                    .doesNotContain(kashiwa.get(2).name());
        }
        Fixtures.anonymous();
        var started = mvc.perform(get("/api/v1/associations/{id}/rollup.xlsx", a).param("reportYear", "2026")
                .with(fixtures.bearer(adminOfA))).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("機能報告の準備状況")).isNotNull();
        }
        mvc.perform(get("/api/v1/associations/{id}/rollup.xlsx", b).param("reportYear", "2026").with(fixtures.bearer(adminOfA)))
                .andExpect(status().isNotFound());
    }

    static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
            }
            result.add(cells);
        }
        return result;
    }

    static int indexOf(List<List<String>> rows, java.util.function.Predicate<List<String>> test) {
        for (int i = 0; i < rows.size(); i++) {
            if (test.test(rows.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such row");
    }
}
