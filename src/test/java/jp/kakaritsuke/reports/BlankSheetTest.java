package jp.kakaritsuke.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.reports.service.BlankSheetService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The blank sheet read back with POI: every indicator of whatever version is current, with its choices or range, and
 * an answer cell whose validation accepts only that; in English with an English locale; served to logged-in users.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BlankSheetTest {

    static final int ANSWER = 9;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BlankSheetService blankSheets;

    @Autowired
    QuestionnaireService questionnaires;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    XSSFWorkbook read(Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blankSheets.write(locale, out);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/reports/blank-sheet-" + locale.getLanguage() + ".xlsx"), out.toByteArray());
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void everyIndicatorOfTheCurrentVersionIsThereWithItsRangeOrChoicesAndAValidatedAnswerCell() throws Exception {
        Fixtures.as(fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER));
        Questionnaire q = questionnaires.current();
        try (XSSFWorkbook wb = read(Locale.JAPANESE)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1))).containsExactly("説明", "質問");
            List<String> cover = FacilityReportTest.strings(wb.getSheet("説明"));
            assertThat(cover).contains("かかりつけ医機能 自己評価 記入用シート")
                    .anyMatch(c -> c.startsWith("自己評価に答える前に、診療記録"))
                    .anyMatch(c -> c.startsWith("第" + q.version() + "版 "));

            XSSFSheet sheet = wb.getSheet("質問");
            assertThat(FacilityReportTest.text(sheet, 0, ANSWER)).isEqualTo("記入欄");
            Map<String, Row> byCode = new HashMap<>();
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(1) != null && !r.getCell(1).getStringCellValue().isEmpty()) {
                    byCode.put(r.getCell(1).getStringCellValue(), r);
                }
            }
            Map<Integer, XSSFDataValidation> validations = new HashMap<>();
            for (XSSFDataValidation v : sheet.getDataValidations()) {
                for (var region : v.getRegions().getCellRangeAddresses()) {
                    assertThat(region.getFirstColumn()).isEqualTo(ANSWER);
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        validations.put(r, v);
                    }
                }
            }
            int indicators = 0;
            for (RoleQuestion rq : q.roles()) {
                Row level = byCode.get(rq.roleCode().name());
                assertThat(level).as(rq.roleCode().name()).isNotNull();
                assertThat(validations.get(level.getRowNum()).getValidationConstraint().getExplicitListValues())
                        .containsExactly("0", "1", "2", "3", "4");
                if (rq.helpSource() != null && rq.helpSource().matches("(事例|参考).*")) {
                    assertThat(level.getCell(8).getStringCellValue()).as("source, written like the indicators'")
                            .matches("(事例|参考)\\d+( 取組.)?");
                } else if (rq.helpSource() != null) {
                    assertThat(level.getCell(8).getStringCellValue()).as("a chapter of the casebook, verbatim").isEqualTo(rq.helpSource());
                }
                assertThat(FacilityReportTest.text(sheet, level.getRowNum() + 1, 2)).isEqualTo("レベル0: " + rq.levelAnchor(0, Locale.JAPANESE));
                assertThat(FacilityReportTest.text(sheet, level.getRowNum() + 5, 2)).isEqualTo("レベル4: " + rq.levelAnchor(4, Locale.JAPANESE));
                for (Indicator i : rq.indicators()) {
                    indicators++;
                    Row row = byCode.get(i.code());
                    assertThat(row).as(i.code()).isNotNull();
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(i.labelJa());
                    XSSFDataValidation v = validations.get(row.getRowNum());
                    assertThat(v).as("validation of " + i.code()).isNotNull();
                    assertThat(v.getShowErrorBox()).isTrue();
                    var constraint = v.getValidationConstraint();
                    if (i.type() == AnswerType.NUMBER) {
                        assertThat(constraint.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
                        assertThat(constraint.getOperator()).isEqualTo(DataValidationConstraint.OperatorType.BETWEEN);
                        assertThat(constraint.getFormula1()).isEqualTo(i.min() == null ? "-9.99E+307" : i.min().toString());
                        assertThat(constraint.getFormula2()).isEqualTo(i.max() == null ? "9.99E+307" : i.max().toString());
                        if (i.min() != null && i.max() != null) {
                            assertThat(row.getCell(6).getStringCellValue()).isEqualTo(i.min() + "〜" + i.max());
                        }
                        assertThat(row.getCell(5).getStringCellValue()).isEqualTo(i.unitJa());
                    } else {
                        List<String> choices = BlankSheetService.choices(i).stream()
                                .map(c -> AppI18NProvider.bundle(Locale.JAPANESE).getString("choice." + c.name())).toList();
                        assertThat(choices).isNotEmpty();
                        assertThat(constraint.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
                        assertThat(constraint.getExplicitListValues()).containsExactlyElementsOf(choices);
                        assertThat(row.getCell(4).getStringCellValue()).isEqualTo(String.join(" / ", choices));
                    }
                    if (i.sourceCase() != null) {
                        assertThat(row.getCell(8).getStringCellValue()).matches("(事例|参考)" + i.sourceCase().replaceAll("\\D", "") + "( 取組.)?");
                    }
                    assertThat(row.getCell(ANSWER).getCellStyle().getFillForegroundColor()).as("answer cell is marked").isNotZero();
                }
            }
            assertThat(indicators).isPositive();
            // printable: the long text columns are narrowed and wrap instead of shrinking the page
            assertThat(sheet.getColumnWidth(2)).isEqualTo(36 * 256);
            assertThat(sheet.getRow(2).getCell(2).getCellStyle().getWrapText()).as(sheet.getRow(2).getCell(2).getStringCellValue()).isTrue();
            assertThat(validations).hasSize(indicators + q.roles().size());
        }
    }

    @Test
    void inEnglishTheSheetNamesHeadersAndQuestionsAreEnglish() throws Exception {
        Fixtures.as(fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER));
        Indicator first = questionnaires.current().roles().getFirst().indicators().getFirst();
        try (XSSFWorkbook wb = read(Locale.ENGLISH)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1))).containsExactly("About", "Questions");
            XSSFSheet sheet = wb.getSheet("Questions");
            List<String> header = List.of("Role", "Code", "Question", "Answer type", "Choices", "Unit", "Allowed range",
                    "Hint", "Source", "Your answer");
            for (int c = 0; c < header.size(); c++) {
                assertThat(FacilityReportTest.text(sheet, 0, c)).isEqualTo(header.get(c));
            }
            assertThat(FacilityReportTest.column(sheet, 2)).contains(first.labelEn()).anyMatch(s -> s.startsWith("Level 4: "));
            assertThat(FacilityReportTest.column(sheet, 8)).anyMatch(s -> s.startsWith("Case ")).noneMatch(s -> s.startsWith("事例"));
        }
    }

    @Test
    void servedToLoggedInUsersOnly() throws Exception {
        String viewer = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        Fixtures.anonymous();
        assertThatThrownBy(() -> blankSheets.write(Locale.JAPANESE, new ByteArrayOutputStream()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        byte[] body = mvc.perform(get("/api/v1/questionnaires/current/blank.xlsx").with(fixtures.bearer(viewer))
                        .header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(wb.getSheetName(1)).isEqualTo("Questions");
        }
        mvc.perform(get("/api/v1/questionnaires/current/blank.xlsx")).andExpect(status().isUnauthorized());
    }
}
