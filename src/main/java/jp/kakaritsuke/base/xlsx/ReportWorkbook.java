package jp.kakaritsuke.base.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The POI plumbing shared by every report: a workbook (in memory, or streaming for 100,000 rows), a Japanese-capable
 * font, a handful of styles, and sheets that write cells safely. Report builders see only {@link ReportSheet}.
 */
public final class ReportWorkbook implements AutoCloseable {

    /** Rows kept in memory by a streaming workbook; older rows go to a temporary file. */
    static final int STREAMING_WINDOW = 100;

    final Workbook workbook;
    final boolean streaming;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle number;
    final CellStyle decimal;
    final CellStyle general;
    final CellStyle percent;
    final CellStyle answer;
    final CellStyle header;
    final CellStyle title;
    final CellStyle label;
    /** A date cell (not quote-prefixed: Excel sorts and filters it as a date). */
    final CellStyle date;

    private ReportWorkbook(Workbook workbook, boolean streaming) {
        this.workbook = workbook;
        this.streaming = streaming;
        Font base = font(false, 10);
        Font bold = font(true, 10);
        Font big = font(true, 14);
        text = style(base, false);
        // quote prefix: a cell starting with = + - @ stays text even if a user edits it in Excel
        text.setQuotePrefixed(true);
        wrapped = style(base, true);
        wrapped.setQuotePrefixed(true);
        number = style(base, false);
        number.setDataFormat(workbook.createDataFormat().getFormat("0"));
        decimal = style(base, false);
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        general = style(base, false);
        percent = style(base, false);
        percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
        // where the user types (the blank sheet): a pale fill and a border, unlike everything printed for reading
        answer = style(base, false);
        answer.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        answer.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        answer.setBorderBottom(BorderStyle.THIN);
        answer.setBorderTop(BorderStyle.THIN);
        answer.setBorderLeft(BorderStyle.THIN);
        answer.setBorderRight(BorderStyle.THIN);
        header = style(bold, true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        title = style(big, false);
        label = style(bold, false);
        date = style(base, false);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        // every style that carries text keeps it text (names reach titles, headers and labels too)
        header.setQuotePrefixed(true);
        title.setQuotePrefixed(true);
        label.setQuotePrefixed(true);
    }

    /** An in-memory workbook: small reports, native charts. */
    public static ReportWorkbook inMemory() {
        return new ReportWorkbook(new XSSFWorkbook(), false);
    }

    /**
     * A streaming workbook for very long sheets: a few MB of heap whatever the number of rows. Summary sheets with
     * charts can still be added with {@link #chartSheet}: they live in the in-memory workbook underneath.
     */
    public static ReportWorkbook streaming() {
        SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), STREAMING_WINDOW);
        wb.setCompressTempFiles(true);
        return new ReportWorkbook(wb, true);
    }

    public ReportSheet sheet(String name, boolean landscape) {
        return new ReportSheet(this, workbook.createSheet(name), landscape);
    }

    /**
     * A small sheet that can hold native charts, also in a streaming workbook (it is kept in memory; add it before the
     * streamed sheets so it comes first).
     */
    public ReportSheet chartSheet(String name, boolean landscape) {
        if (workbook instanceof SXSSFWorkbook s) {
            return new ReportSheet(this, s.getXSSFWorkbook().createSheet(name), landscape);
        }
        return sheet(name, landscape);
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        if (workbook instanceof SXSSFWorkbook s) {
            s.dispose();
        }
        workbook.close();
    }

    private Font font(boolean bold, int points) {
        return Xlsx.font(workbook, bold, points);
    }

    private CellStyle style(Font font, boolean wrap) {
        return Xlsx.style(workbook, font, wrap);
    }
}
