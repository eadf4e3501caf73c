package jp.kakaritsuke.base.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The POI plumbing on its own: overlong text, header escapes, the same writer streaming many rows. */
class ReportSheetTest {

    @Test
    void overlongTextIsCutToExcelsLimitWithAVisibleMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWorkbook book = ReportWorkbook.inMemory()) {
            book.sheet("長文", false).headerFooter("A&B 医院", "{page}/{pages}").row("あ".repeat(40_000), "=1+1");
            book.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            String cell = wb.getSheet("長文").getRow(0).getCell(0).getStringCellValue();
            assertThat(cell).hasSize(Xlsx.MAX_CELL_TEXT).endsWith(Xlsx.TRUNCATION_MARK);
            assertThat(wb.getSheet("長文").getRow(0).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(wb.getSheet("長文").getHeader().getCenter()).isEqualTo("A&&B 医院");
        }
    }

    @Test
    void theSameWriterStreamsLongSheets() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWorkbook book = ReportWorkbook.streaming()) {
            ReportSheet sheet = book.sheet("会員", true).header(true, "No", "施設名", "レベル");
            for (int i = 0; i < 5_000; i++) {
                sheet.row(i, "施設" + i, i % 5);
            }
            sheet.fitColumns(3);
            assertThatThrownBy(() -> sheet.radarChart("x", 0, List.of(1), List.of("x"), 1, 2, 0, 0, 1, 1))
                    .isInstanceOf(IllegalStateException.class);
            book.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheet("会員").getLastRowNum()).isEqualTo(5_000);
            assertThat(wb.getSheet("会員").getRow(5_000).getCell(1).getStringCellValue()).isEqualTo("施設4999");
            assertThat(wb.getSheet("会員").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }

    /** The security test's payloads, wherever text goes (title, header, label, value): string cells that stay text. */
    @Test
    void textThatStartsLikeAFormulaIsAlwaysQuotePrefixedText() throws Exception {
        List<String> payloads = List.of("-2+3+cmd|' /C calc'!A0", "-HYPERLINK(\"http://evil.example\",\"連絡\")", "=1+1",
                "+1", "@SUM(A1)", "\t=1", "＝1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ReportWorkbook book : List.of(ReportWorkbook.inMemory(), ReportWorkbook.streaming())) {
            out.reset();
            try (book) {
                ReportSheet sheet = book.sheet("x", false).title(payloads.get(0)).field(payloads.get(1), payloads.get(2))
                        .header(false, payloads.get(3), payloads.get(4)).row(payloads.get(5), payloads.get(6));
                sheet.fitColumns(2);
                book.write(out);
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                List<org.apache.poi.ss.usermodel.Cell> cells = new java.util.ArrayList<>();
                wb.getSheet("x").forEach(r -> r.forEach(cells::add));
                assertThat(cells).extracting(org.apache.poi.ss.usermodel.Cell::getStringCellValue)
                        .containsExactlyElementsOf(payloads);
                assertThat(cells).allSatisfy(c -> {
                    assertThat(jp.kakaritsuke.base.TextRules.startsLikeFormula(c.getStringCellValue())).isTrue();
                    assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(c.getCellStyle().getQuotePrefixed()).as(c.getAddress().toString()).isTrue();
                });
            }
        }
    }

    /** A date is a date cell (sortable in Excel), styled yyyy-mm-dd, not quote-prefixed, and its column fits it. */
    @Test
    void datesAreDateCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWorkbook book = ReportWorkbook.inMemory()) {
            book.sheet("x", false).header(false, "期限").row(java.time.LocalDate.of(2026, 4, 1)).row((Object) null).fitColumns(1);
            book.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var cell = wb.getSheet("x").getRow(1).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(wb.getSheet("x").getRow(2).getCell(0)).as("null leaves the cell empty").isNull();
            assertThat(wb.getSheet("x").getColumnWidth(0)).isGreaterThanOrEqualTo(12 * 256);
        }
    }
}
