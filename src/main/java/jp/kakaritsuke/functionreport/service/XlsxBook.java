package jp.kakaritsuke.functionreport.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import jp.kakaritsuke.base.xlsx.Xlsx;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The POI plumbing of the preparation workbook: its own styles (notice, headings, exact decimals) on the rules every
 * workbook follows ({@link Xlsx}: the Japanese font, top-aligned styles), all text styles quote-prefixed against
 * formula injection.
 */
final class XlsxBook implements AutoCloseable {

    final XSSFWorkbook workbook = new XSSFWorkbook();
    /** Text that wraps inside its column (the tables). */
    final CellStyle text;
    /** Text on one line that runs on across the empty cells to its right (lines above a table). */
    final CellStyle plain;
    final CellStyle title;
    final CellStyle header;
    /** A function's heading row inside the items table. */
    final CellStyle heading;
    final CellStyle noticeTitle;
    final CellStyle noticeText;
    final CellStyle noticeBold;
    /** The 「案」 remarks of the notice, meant to be removed before posting. */
    final CellStyle noticeDraft;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();
    private final Font base;

    XlsxBook() {
        base = font(false, 10, false);
        text = style(base, true);
        plain = style(base, false);
        title = style(font(true, 14, false), false);
        header = style(font(true, 10, false), true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        heading = style(font(true, 11, false), false);
        heading.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        noticeTitle = style(font(true, 18, false), true);
        noticeText = style(font(false, 12, false), true);
        noticeBold = style(font(true, 12, false), true);
        noticeDraft = style(font(true, 10, true), true);
        noticeDraft.setBorderBottom(BorderStyle.THIN);
        noticeDraft.setBorderTop(BorderStyle.THIN);
        noticeDraft.setBorderLeft(BorderStyle.THIN);
        noticeDraft.setBorderRight(BorderStyle.THIN);
    }

    XlsxSheet sheet(String name, boolean landscape, String headerText, String pageFooter) {
        XlsxSheet s = new XlsxSheet(this, workbook.createSheet(name));
        Xlsx.printA4(s.sheet, landscape, 0);
        s.sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin, 0.4);
        s.sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin, 0.4);
        if (!headerText.isEmpty()) {
            s.sheet.getHeader().setCenter(Xlsx.safeHeader(headerText));
        }
        if (!pageFooter.isEmpty()) {
            s.sheet.getFooter().setCenter(pageFooter.replace("{page}", "&P").replace("{pages}", "&N"));
        }
        return s;
    }

    /** A number cell's style showing exactly the item's decimals: 「0」 for counts, 「0.0」 for 常勤換算. */
    CellStyle number(int decimals) {
        return numbers.computeIfAbsent(Math.max(0, decimals), d -> {
            CellStyle s = Xlsx.style(workbook, base, false);
            s.setDataFormat(workbook.createDataFormat().getFormat(d == 0 ? "0" : "0." + "0".repeat(d)));
            return s;
        });
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private Font font(boolean bold, int points, boolean red) {
        Font f = Xlsx.font(workbook, bold, points);
        if (red) {
            f.setColor(IndexedColors.DARK_RED.getIndex());
        }
        return f;
    }

    /**
     * Every text style is quote-prefixed, as Excel marks a value typed with a leading apostrophe: a name or note that
     * starts like a formula (base.TextRules) stays text even when edited, and reads exactly as written.
     */
    private CellStyle style(Font font, boolean wrap) {
        CellStyle s = Xlsx.style(workbook, font, wrap);
        s.setQuotePrefixed(true);
        return s;
    }
}
