package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationRound;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationRoundService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.reports.service.RollupReportService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The rollup workbook for the association's board: its round and deadline, a chart without hidden cells, English. */
@SpringBootTest
class RollupReportTest {

    @Autowired
    RollupReportService rollupReports;

    @Autowired
    CaseLibraryService caseLibrary;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    AssociationRoundService rounds;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    /** Six members; every role has levels 0 and 4 hidden (1–2 facilities) and 2 at level 1, 4 at level 2. */
    Rollup rollup() {
        List<Rollup.RoleRollup> roles = new ArrayList<>();
        for (RoleCode r : RoleCode.values()) {
            roles.add(new Rollup.RoleRollup(r, List.of(Cell.hidden(), Cell.shown(0), Cell.shown(4), Cell.shown(0), Cell.hidden()),
                    Cell.hidden(), Cell.shown(3), Cell.hidden(), Cell.hidden(), Cell.hidden(), Cell.hidden()));
        }
        return new Rollup(1, "柏市医師会", "千葉県", 6, new Rollup.Completeness(Cell.shown(0), Cell.shown(0), Cell.shown(6)),
                roles, List.of(), List.of());
    }

    XSSFWorkbook write(RollupReportService.Download download, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rollupReports.write(download, locale, out);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/reports/rollup-" + locale.getLanguage() + ".xlsx"), out.toByteArray());
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void theChartLeavesHiddenCellsOutAndSaysSoUnderIt() throws Exception {
        AssociationRound round = new AssociationRound(1, 1, "柏市医師会", "2026年度", Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.of(2026, 6, 30));
        try (XSSFWorkbook wb = write(new RollupReportService.Download(rollup(), round), Locale.JAPANESE)) {
            XSSFSheet summary = wb.getSheet("概要");
            XSSFChart chart = summary.getDrawingPatriarch().getCharts().getFirst();
            XDDFChartData bars = chart.getChartSeries().getFirst();
            assertThat(bars.getSeriesCount()).isEqualTo(5);
            int hiddenSeen = 0;
            for (int s = 0; s < bars.getSeriesCount(); s++) {
                String range = bars.getSeries(s).getValuesData().getDataRangeReference();
                AreaReference area = new AreaReference(range, wb.getSpreadsheetVersion());
                assertThat(area.getAllReferencedCells()).hasSize(14);
                for (CellReference ref : area.getAllReferencedCells()) {
                    var row = summary.getRow(ref.getRow());
                    var cell = row == null ? null : row.getCell(ref.getCol());
                    if (cell == null || cell.getCellType() == CellType.BLANK) {
                        hiddenSeen++;
                        continue;
                    }
                    assertThat(cell.getCellType()).as("%s in %s", ref.formatAsString(), range).isEqualTo(CellType.NUMERIC);
                }
            }
            assertThat(hiddenSeen).as("levels 0 and 4 of 14 roles are hidden").isEqualTo(28);
            // the table above still shows them as x
            assertThat(FacilityReportTest.column(summary, 1)).contains("x");

            var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) summary.getDrawingPatriarch().getShapes().stream()
                    .filter(x -> x instanceof org.apache.poi.xssf.usermodel.XSSFGraphicFrame).findFirst().orElseThrow().getAnchor();
            var note = FacilityReportTest.find(summary,
                    "「x」で伏せた欄はグラフに含めていません (0 として描いてもいません)。そのため、伏せた欄のある役割の棒は会員数より短くなります。");
            assertThat(note.getRowIndex()).as("under the chart").isGreaterThanOrEqualTo(anchor.getRow2());
            assertThat(note.getColumnIndex()).isEqualTo(anchor.getCol1());

            var submitted = FacilityReportTest.find(summary, "提出済み").getRow().getCell(1);
            assertThat(submitted.getCellType()).as("a count is a number cell").isEqualTo(CellType.NUMERIC);
            assertThat(submitted.getNumericCellValue()).isEqualTo(6);
            List<String> cover = FacilityReportTest.strings(summary);
            assertThat(cover).contains("対象の回", "2026年度 (2026-04-01〜2026-06-30)", "提出期限", "2026-06-30");
        }
    }

    @Test
    void theRoundTheAssociationOpenedIsOnTheFirstSheet() throws Exception {
        Fixtures.asAdmin();
        long association = admin.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        String head = fixtures.associationAdmin(association);
        Fixtures.as(head);
        LocalDate deadline = LocalDate.now(clock).plusDays(30);
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        rollupReports.write(association, Locale.JAPANESE, before);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(before.toByteArray()))) {
            assertThat(FacilityReportTest.strings(wb.getSheetAt(0))).contains("対象の回", "なし (各会員の最新の提出を集計)");
        }
        rounds.open(association, "令和8年度 調査", deadline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rollupReports.write(association, Locale.ENGLISH, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("Summary", "Roles", "Municipalities", "Members (consented)");
            List<String> first = FacilityReportTest.strings(wb.getSheetAt(0));
            assertThat(first).contains("Round", "Deadline", deadline.toString())
                    .anyMatch(s -> s.startsWith("令和8年度 調査 (") && s.endsWith(" to " + deadline + ")"));
            assertThat(FacilityReportTest.text(wb.getSheet("Roles"), 0, 0)).isEqualTo("Role");
            assertThat(FacilityReportTest.column(wb.getSheet("Roles"), 0)).doesNotContain("在宅医療");
        }
    }

}
