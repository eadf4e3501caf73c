package jp.kakaritsuke.base.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rules every workbook we write follows, whatever builds it ({@link ReportWorkbook} for the reports, the
 * preparation workbook's own small writer): the Japanese font, top-aligned styles, text cut to Excel's cell limit
 * with a visible mark, header/footer text escaped, A4 fitted to the page width, and the display width of a text.
 */
public final class Xlsx {

    /** Excel's Japanese UI font; LibreOffice and others fall back to any CJK font. */
    public static final String FONT = "游ゴシック";
    /** Excel refuses cells longer than this. */
    public static final int MAX_CELL_TEXT = 32_767;
    /** What ends a text cut to {@link #MAX_CELL_TEXT}. */
    public static final String TRUNCATION_MARK = "…(以下省略)";

    private Xlsx() {
    }

    /** A font of the workbook in {@link #FONT}. */
    public static Font font(Workbook workbook, boolean bold, int points) {
        Font f = workbook.createFont();
        f.setFontName(FONT);
        f.setBold(bold);
        f.setFontHeightInPoints((short) points);
        return f;
    }

    /** A top-aligned style in the font, wrapping or not (callers add quote prefixes, fills and formats). */
    public static CellStyle style(Workbook workbook, Font font, boolean wrap) {
        CellStyle s = workbook.createCellStyle();
        s.setFont(font);
        s.setWrapText(wrap);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    /** Cuts text to Excel's limit, keeping a visible mark that something was left out. */
    public static String safe(String s) {
        if (s.length() <= MAX_CELL_TEXT) {
            return s;
        }
        return s.substring(0, MAX_CELL_TEXT - TRUNCATION_MARK.length()) + TRUNCATION_MARK;
    }

    /** Header/footer text: '&' starts a control code there. */
    public static String safeHeader(String s) {
        String t = s.replace("&", "&&");
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    /** A4, one page wide; {@code fitHeight} pages tall (0: as many as needed). */
    public static void printA4(Sheet sheet, boolean landscape, int fitHeight) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) fitHeight);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    /** The columns a line of text takes: CJK and full-width characters count two. */
    public static int lineWidth(String line) {
        int w = 0;
        for (int i = 0; i < line.length(); i++) {
            w += line.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
