package jp.kakaritsuke.functionreport.service;

import java.math.BigDecimal;
import jp.kakaritsuke.base.xlsx.Xlsx;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * One sheet of the preparation workbook, written top-down. Text goes in as string cells (never a formula), cut to
 * Excel's cell limit; row heights are set from the text, since not every reader grows a row for wrapped text (a
 * printed page must not lose lines).
 */
final class XlsxSheet {

    /** One line of the 10-point font with its spacing. */
    private static final float LINE_POINTS = 14f;

    final XlsxBook book;
    final XSSFSheet sheet;
    private int[] widths = new int[0];
    private int nextRow;

    XlsxSheet(XlsxBook book, XSSFSheet sheet) {
        this.book = book;
        this.sheet = sheet;
    }

    /** Column widths in characters (a full-width character counts two). */
    void widths(int... chars) {
        this.widths = chars.clone();
        for (int c = 0; c < chars.length; c++) {
            sheet.setColumnWidth(c, chars[c] * 256);
        }
    }

    int nextRow() {
        return nextRow;
    }

    Row row() {
        return sheet.createRow(nextRow++);
    }

    void blank() {
        nextRow++;
    }

    /** One line of text in the first column. */
    void line(String text, CellStyle style) {
        Row row = row();
        Cell cell = row.createCell(0);
        cell.setCellValue(safe(text));
        cell.setCellStyle(style);
        if (style == book.title) {
            row.setHeightInPoints(22);
        }
    }

    /** A table header; with {@code freeze} it stays in view while scrolling and repeats on every printed page. */
    void header(boolean freeze, String... names) {
        Row row = row();
        for (int c = 0; c < names.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(safe(names[c]));
            cell.setCellStyle(book.header);
        }
        fitHeight(row);
        if (freeze) {
            sheet.createFreezePane(0, row.getRowNum() + 1);
            sheet.setRepeatingRows(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, names.length - 1));
        }
    }

    /** A heading across the whole table (a function: 「1号機能 …」). */
    void heading(String text, int columns) {
        Row row = row();
        for (int c = 0; c < columns; c++) {
            row.createCell(c).setCellStyle(book.heading);
        }
        row.getCell(0).setCellValue(safe(text));
        row.setHeightInPoints(18);
        sheet.addMergedRegion(across(row.getRowNum(), columns));
    }

    void text(Row row, int column, String value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        // setCellValue(String) always makes a string cell: 「=1+1」 is stored as text, never as a formula
        cell.setCellValue(safe(value));
        cell.setCellStyle(book.text);
    }

    /** A number cell (it can be summed and checked against G-MIS), shown with the item's decimals. */
    void number(Row row, int column, BigDecimal value, int decimals) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(book.number(decimals));
    }

    /** The row tall enough for its longest wrapped cell. */
    void fitHeight(Row row) {
        int lines = 1;
        for (Cell cell : row) {
            int c = cell.getColumnIndex();
            if (c < widths.length && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                lines = Math.max(lines, lines(cell.getStringCellValue(), widths[c]));
            }
        }
        row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_POINTS));
    }

    /** A paragraph of the notice: one wrapped cell across the page, its height from its font and length. */
    void noticeLine(String text, CellStyle style) {
        Row row = row();
        Cell cell = row.createCell(0);
        cell.setCellValue(safe(text));
        cell.setCellStyle(style);
        short points = book.workbook.getFontAt(style.getFontIndex()).getFontHeightInPoints();
        // a bigger font fits fewer characters per line: scale the column to 10-point characters
        int chars = widths.length == 0 ? 80 : widths[0] * 10 / points;
        row.setHeightInPoints(lines(text, chars) * points * 1.45f);
    }

    void landscapeFitWidth() {
        Xlsx.printA4(sheet, true, 0);
    }

    void portraitFitWidth() {
        Xlsx.printA4(sheet, false, 0);
    }

    /** Portrait, one page wide and tall, printing exactly the rows written. */
    void onePagePortrait() {
        Xlsx.printA4(sheet, false, 1);
        sheet.setHorizontallyCenter(true);
        int last = Math.max(0, nextRow - 1);
        book.workbook.setPrintArea(book.workbook.getSheetIndex(sheet), 0, Math.max(0, widths.length - 1), 0, last);
    }

    /** Lines a text takes in a column of {@code chars} (full-width characters count two, drawn about 1.5 wide). */
    static int lines(String s, int chars) {
        int total = 0;
        for (String line : s.split("\n", -1)) {
            total += Math.max(1, (int) Math.ceil(Xlsx.lineWidth(line) / (chars * 1.33)));
        }
        return total;
    }

    /** Cuts text to Excel's limit, keeping a visible mark that something was left out. */
    static String safe(String s) {
        return Xlsx.safe(s);
    }

    /** Merges a heading row across the table. */
    static CellRangeAddress across(int row, int columns) {
        return new CellRangeAddress(row, row, 0, columns - 1);
    }

}
