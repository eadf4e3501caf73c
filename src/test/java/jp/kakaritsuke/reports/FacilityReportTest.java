package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.math.BigDecimal;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.reports.service.FacilityReportService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** The board report read back with POI: sheets, values, the native radar chart, print setup, inert formulas. */
@SpringBootTest
class FacilityReportTest {

    static final List<String> INJECTIONS = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1");

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    @Autowired
    FacilityReportService reports;

    @Autowired
    InvitationService invitations;

    @Autowired
    QuestionnaireService questionnaires;

    FacilityProfile clinic;
    long previous;
    long latest;
    String viewer;
    /** The login ID of the editor who submits; their display name is 山田 花子, which shares nothing with it. */
    String editor;
    /** A count the latest round answers (12). */
    Indicator count;

    @BeforeEach
    void setUp() {
        clinic = fixtures.facility(FacilityKind.CLINIC);
        Fixtures.asAdmin();
        editor = "e" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        invitations.accept(invitations.invite(clinic.id(), MemberRole.EDITOR, "山田 花子").code(), editor, "山田 花子", Fixtures.mail(editor),
                Fixtures.PASSWORD);
        Fixtures.as(editor);
        count = questionnaires.current().roles().stream().flatMap(r -> r.indicators().stream())
                .filter(i -> i.type() == AnswerType.NUMBER).findFirst().orElseThrow();
        previous = submit(1, "前回");
        latest = submit(3, null);
        viewer = fixtures.member(clinic, MemberRole.VIEWER);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    long submit(int level, String fixedNote) {
        RoundView round = rounds.startRound(clinic.id());
        int i = 0;
        for (var a : round.answers()) {
            String note = fixedNote != null ? fixedNote : INJECTIONS.get(i++ % INJECTIONS.size());
            rounds.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                    new RoleAnswerInput(level, a.roleCode() == RoleCode.HOME_CARE, note,
                            a.roleCode().equals(count.roleCode()) && level == 3
                                    ? Map.of(count.code(), AnswerValue.of(new BigDecimal("12"))) : Map.of()));
        }
        return submissions.submit(round.summary().id()).summary().id();
    }

    XSSFWorkbook read(long roundId) throws Exception {
        return read(roundId, Locale.JAPANESE);
    }

    XSSFWorkbook read(long roundId, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(roundId, locale, out);
        // kept for a look by hand (docs/screenshots/report-summary.png was rendered from it with LibreOffice)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/reports/facility-report-" + roundId + ".xlsx"), out.toByteArray());
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** What the board sees on the cover is theirs: no internal round number, no login ID, no developer file path. */
    @Test
    void theCoverShowsNoRoundNumberLoginIdOrDeveloperPath() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest)) {
            List<String> cover = strings(wb.getSheet("表紙"));
            assertThat(cover).contains("山田 花子", "提出者");
            assertThat(cover).noneMatch(c -> c.matches("(?s).*No\\.\\s*\\d+.*")).noneMatch(c -> c.contains(editor))
                    .noneMatch(c -> c.contains("docs/")).noneMatch(c -> c.contains(".md")).doesNotContain("評価");
            assertThat(cover).anyMatch(c -> c.startsWith("各役割のスコア (0〜100) は、実施レベル"));
        }
    }

    @Test
    void similaritiesAndCountsAreNumberCells() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest)) {
            Sheet rec = wb.getSheet("推奨");
            Cell similarityHeader = find(rec, "類似度");
            Cell first = rec.getRow(similarityHeader.getRowIndex() + 1).getCell(similarityHeader.getColumnIndex());
            assertThat(first.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getNumericCellValue()).isBetween(0.0, 1.0);
            assertThat(first.getCellStyle().getDataFormatString()).isEqualTo("0%");

            Cell answer = find(wb.getSheet("回答"), count.labelJa()).getRow().getCell(2);
            assertThat(answer.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(answer.getNumericCellValue()).isEqualTo(12);
            assertThat(answer.getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(answer.getRow().getCell(3).getStringCellValue()).isEqualTo(count.unitJa());
        }
    }

    @Test
    void inEnglishTheSheetsHeadersRolesAndLabelsAreEnglish() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest, Locale.ENGLISH)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("Cover", "Summary", "Recommendations", "Answers");
            assertThat(text(wb.getSheet("Cover"), 0, 0)).isEqualTo("Kakaritsuke-i function self-assessment report");
            Sheet summary = wb.getSheet("Summary");
            assertThat(text(summary, 1, 0)).isEqualTo("Role");
            for (int r = 2; r <= 15; r++) {
                assertThat(text(summary, r, 0)).as("role name in row %d", r).matches("[\\x20-\\x7E\\u2013\\u2019]+");
            }
            Sheet cover = wb.getSheet("Cover");
            for (Row r : cover) {
                if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING) {
                    assertThat(r.getCell(0).getStringCellValue()).as("cover label").matches("[\\x20-\\x7E\\u2013\\u2019]+");
                }
            }
            assertThat(column(wb.getSheet("Answers"), 1)).contains("Level", "Note", count.labelEn());
            assertThat(column(wb.getSheet("Answers"), 0)).doesNotContain("診診連携");
        }
    }

    static Cell find(Sheet s, String text) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError(text + " not on " + s.getSheetName());
    }

    static List<String> strings(Sheet s) {
        List<String> values = new ArrayList<>();
        s.forEach(r -> r.forEach(c -> {
            if (c.getCellType() == CellType.STRING) {
                values.add(c.getStringCellValue());
            }
        }));
        return values;
    }

    @Test
    void aBoardMemberGetsAllFourSheetsWithTheRightContent() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("表紙", "概要", "推奨", "回答");
            Sheet cover = wb.getSheet("表紙");
            assertThat(text(cover, 0, 0)).isEqualTo("かかりつけ医機能 自己評価 報告書");
            assertThat(column(cover, 1)).contains(clinic.name(), "診療所");

            Sheet summary = wb.getSheet("概要");
            assertThat(text(summary, 1, 0)).isEqualTo("役割");
            assertThat(text(summary, 2, 0)).isEqualTo("診診連携");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(summary.getRow(2).getCell(3).getNumericCellValue()).as("previous score").isPositive();
            assertThat(text(summary, 15, 0)).isEqualTo("その他");
            assertThat(text(summary, 10, 5)).as("在宅医療 priority").isEqualTo("★");

            assertThat(column(wb.getSheet("推奨"), 1)).anyMatch(s -> s.startsWith("事例"));
            assertThat(column(wb.getSheet("回答"), 1)).contains("実施レベル", "今後12か月の重点", "メモ");
        }
    }

    @Test
    void theSummaryHasANativeRadarChartWithThreeSeriesOverTheFourteenRoles() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest)) {
            XSSFSheet summary = wb.getSheet("概要");
            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            XDDFChartData data = charts.getFirst().getChartSeries().getFirst();
            assertThat(data).isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFRadarChartData.class);
            assertThat(data.getSeriesCount()).isEqualTo(3);
            var categories = data.getSeries(0).getCategoryData();
            assertThat(categories.getPointCount()).isEqualTo(14);
            assertThat(categories.getDataRangeReference()).isEqualTo("概要!$A$3:$A$16");
            assertThat(data.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("概要!$C$3:$C$16");
        }
        // without a previous round: this round and the similar case
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(previous)) {
            assertThat(wb.getSheet("概要").getDrawingPatriarch().getCharts().getFirst().getChartSeries().getFirst()
                    .getSeriesCount()).isEqualTo(2);
        }
    }

    @Test
    void printsOnA4FitToWidthWithHeadersFootersAndFrozenHeaders() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest)) {
            for (Sheet s : wb) {
                PrintSetup print = s.getPrintSetup();
                assertThat(print.getPaperSize()).as(s.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(print.getFitWidth()).isEqualTo((short) 1);
                assertThat(print.getFitHeight()).isZero();
                assertThat(s.getFitToPage()).isTrue();
                assertThat(s.getHeader().getCenter()).isEqualTo(clinic.name());
                assertThat(s.getFooter().getCenter()).contains("&P").contains("&N");
            }
            assertThat(wb.getSheet("表紙").getPrintSetup().getLandscape()).isFalse();
            assertThat(wb.getSheet("概要").getPrintSetup().getLandscape()).isTrue();
            assertThat(wb.getSheet("概要").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(wb.getSheet("回答").getColumnWidth(1)).isGreaterThan(wb.getSheet("回答").getColumnWidth(3) / 4);
            assertThat(wb.getFontAt(wb.getSheet("概要").getRow(2).getCell(0).getCellStyle().getFontIndex()).getFontName())
                    .isEqualTo("游ゴシック");
        }
    }

    @Test
    void notesThatLookLikeFormulasStayInertText() throws Exception {
        Fixtures.as(viewer);
        try (XSSFWorkbook wb = read(latest)) {
            List<Cell> notes = new ArrayList<>();
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).as("%s!%s", s.getSheetName(), c.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            for (Row r : wb.getSheet("回答")) {
                if (r.getCell(1) != null && "メモ".equals(r.getCell(1).getStringCellValue())) {
                    notes.add(r.getCell(2));
                }
            }
            assertThat(notes).hasSize(14);
            assertThat(notes).extracting(Cell::getStringCellValue).containsAll(INJECTIONS);
            assertThat(notes).allSatisfy(c -> {
                assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                assertThat(c.getCellStyle().getQuotePrefixed()).isTrue();
            });
        }
    }

    @Test
    void onlyMembersGetTheReportAndOnlyOfSubmittedRounds() throws Exception {
        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(other, MemberRole.EDITOR);
        assertThatThrownBy(() -> read(latest)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        fixtures.member(clinic, MemberRole.EDITOR);
        long draft = rounds.startRound(clinic.id()).summary().id();
        assertThatThrownBy(() -> read(draft)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("report.error.notSubmitted"));
        assertThat(reports.fileName(latest, Locale.JAPANESE)).endsWith("_かかりつけ医機能自己評価.xlsx").doesNotContain(" ");
    }

    static String text(Sheet s, int row, int col) {
        return s.getRow(row).getCell(col).getStringCellValue();
    }

    static List<String> column(Sheet s, int col) {
        List<String> values = new ArrayList<>();
        for (Row r : s) {
            Cell c = r.getCell(col);
            if (c != null && c.getCellType() == CellType.STRING) {
                values.add(c.getStringCellValue());
            }
        }
        return values;
    }
}
