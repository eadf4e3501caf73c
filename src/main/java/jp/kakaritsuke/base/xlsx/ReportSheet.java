package jp.kakaritsuke.base.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.RadarStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFRadarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.jspecify.annotations.Nullable;

/**
 * One sheet of a report. Every user-supplied string is written as text (never a formula) and cut to Excel's cell
 * limit ({@link Xlsx#safe}). Text that starts like a formula (base.TextRules) is neutralised the spreadsheet's own
 * way: every style that carries text is quote-prefixed, as Excel marks a value typed with a leading apostrophe, so it
 * stays text even when edited, while the reader sees exactly what was written (a note 「-2+3」 keeps reading -2+3; the
 * CSV writer, which has no such flag, puts a visible apostrophe instead); numbers, percentages and dates are typed
 * cells; column widths follow the content (East Asian characters count double); printing is A4, fit to page width,
 * with the facility in the header and page numbers in the footer.
 */
public final class ReportSheet {

    private static final int MAX_COLUMN_CHARS = 60;
    private static final int MAX_COLUMNS = 32;
    /** The height of one line of the 10-point font, with its spacing. */
    private static final float LINE_POINTS = 14f;

    /** A share (0.83) written as a number cell that reads 83%. */
    public record Percent(double fraction) {
    }

    private final ReportWorkbook book;
    private final Sheet sheet;
    private final int[] widths = new int[MAX_COLUMNS];
    private int nextRow;

    ReportSheet(ReportWorkbook book, Sheet sheet, boolean landscape) {
        this.book = book;
        this.sheet = sheet;
        Xlsx.printA4(sheet, landscape, 0); // as many pages down as needed
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
    }

    public int nextRow() {
        return nextRow;
    }

    /** Header and footer of every printed page: e.g. the facility's name, and 「1 / 3」. */
    public ReportSheet headerFooter(String headerText, String pageFormat) {
        sheet.getHeader().setCenter(Xlsx.safeHeader(headerText));
        sheet.getFooter().setCenter(pageFormat.replace("{page}", "&P").replace("{pages}", "&N"));
        return this;
    }

    public ReportSheet title(String text) {
        Row row = sheet.createRow(nextRow++);
        Cell cell = row.createCell(0);
        cell.setCellValue(Xlsx.safe(text));
        cell.setCellStyle(book.title);
        row.setHeightInPoints(22);
        return this;
    }

    /** A label in column A and a value in B (cover sheets). */
    public ReportSheet field(String label, @Nullable Object value) {
        Row row = sheet.createRow(nextRow++);
        set(row, 0, label, book.label);
        set(row, 1, value, null);
        return this;
    }

    /**
     * Text in a cell of a row that may already exist (e.g. a note under a chart beside a table): rows are written
     * top-down elsewhere, so this one reuses the row when it is there.
     */
    public ReportSheet note(int rowIndex, int column, String text) {
        Row row = sheet.getRow(rowIndex) != null ? sheet.getRow(rowIndex) : sheet.createRow(rowIndex);
        set(row, column, text, book.text); // unwrapped: it runs on across the empty cells to its right
        nextRow = Math.max(nextRow, rowIndex + 1);
        return this;
    }

    /**
     * An empty answer cell in the last written row, styled as a place to type, with a data validation: a drop-down
     * list of {@code choices}, or (when there are none) a decimal number within {@code min}..{@code max} (either may
     * be null). Excel and LibreOffice refuse anything else typed there.
     */
    public ReportSheet answerCell(int column, List<String> choices, @Nullable Number min, @Nullable Number max,
                                  String errorTitle, String errorText) {
        int r = nextRow - 1;
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        row.createCell(column).setCellStyle(book.answer);
        widths[Math.min(column, MAX_COLUMNS - 1)] = Math.max(widths[Math.min(column, MAX_COLUMNS - 1)], 12);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint;
        if (!choices.isEmpty()) {
            constraint = helper.createExplicitListConstraint(choices.toArray(String[]::new));
        } else {
            // Excel has no "any number" constraint: an unbounded side gets Excel's own largest magnitude
            String low = min == null ? "-9.99E+307" : min.toString();
            String high = max == null ? "9.99E+307" : max.toString();
            constraint = helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, low, high);
        }
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(r, r, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(errorTitle, errorText);
        sheet.addValidationData(validation);
        return this;
    }

    public ReportSheet blank() {
        nextRow++;
        return this;
    }

    /** A table header; with {@code freeze} the rows up to it stay visible while scrolling (and repeat when printed). */
    public ReportSheet header(boolean freeze, String... names) {
        int r = nextRow++;
        Row row = sheet.createRow(r);
        for (int c = 0; c < names.length; c++) {
            set(row, c, names[c], book.header);
        }
        if (freeze) {
            sheet.createFreezePane(0, r + 1);
            sheet.setRepeatingRows(new CellRangeAddress(r, r, 0, names.length - 1));
        }
        return this;
    }

    public ReportSheet row(@Nullable Object... values) {
        Row row = sheet.createRow(nextRow++);
        for (int c = 0; c < values.length; c++) {
            set(row, c, values[c], null);
        }
        return this;
    }

    /** Column widths from the longest content seen, within sensible bounds. */
    public ReportSheet fitColumns(int columns) {
        for (int c = 0; c < Math.min(columns, MAX_COLUMNS); c++) {
            int chars = Math.max(6, Math.min(MAX_COLUMN_CHARS, widths[c] + 2));
            sheet.setColumnWidth(c, chars * 256);
        }
        return this;
    }

    /**
     * Narrower columns whose longer texts wrap (after {@link #fitColumns}): for sheets people print to fill in by hand,
     * where ten columns at their natural width would print too small to read. In-memory sheets only.
     */
    public ReportSheet narrowColumns(int chars, int... columns) {
        for (int c : columns) {
            sheet.setColumnWidth(c, chars * 256);
            for (Row row : sheet) {
                Cell cell = row.getCell(c);
                if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                    continue;
                }
                int width = displayWidth(cell.getStringCellValue());
                if (width > chars && cell.getCellStyle().getIndex() == book.text.getIndex()) {
                    cell.setCellStyle(book.wrapped);
                }
                if (width > chars) {
                    // not every reader grows a row for wrapped text by itself (LibreOffice's PDF export does not)
                    // a full-width character counts 2 in displayWidth but takes about 1.5 columns when drawn
                    int lines = (int) Math.ceil(width / (chars * 1.33));
                    row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_POINTS));
                }
            }
        }
        return this;
    }

    /**
     * A native Excel radar chart over a block of this sheet: categories in {@code categoryColumn}, one series per
     * value column, rows {@code firstRow}..{@code lastRow} (0-based), values 0–100. Needs an in-memory workbook.
     */
    public XSSFChart radarChart(String chartTitle, int categoryColumn, List<Integer> valueColumns, List<String> seriesNames,
                                int firstRow, int lastRow, int anchorCol, int anchorRow, int anchorCols, int anchorRows) {
        if (!(sheet instanceof XSSFSheet xssf)) {
            throw new IllegalStateException("charts need an in-memory workbook");
        }
        XSSFDrawing drawing = xssf.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, anchorCol, anchorRow, anchorCol + anchorCols, anchorRow + anchorRows);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(chartTitle);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setMinimum(0);
        values.setMaximum(100);
        values.setMajorUnit(25);
        values.getOrAddMajorGridProperties();
        XDDFRadarChartData data = (XDDFRadarChartData) chart.createData(ChartTypes.RADAR, categories, values);
        data.setStyle(RadarStyle.MARKER);
        data.setVaryColors(false);
        var categoryData = XDDFDataSourcesFactory.fromStringCellRange(xssf,
                new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn));
        for (int i = 0; i < valueColumns.size(); i++) {
            int col = valueColumns.get(i);
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(xssf,
                    new CellRangeAddress(firstRow, lastRow, col, col));
            var series = data.addSeries(categoryData, numbers);
            series.setTitle(seriesNames.get(i), null);
            series.setLineProperties(line(i));
        }
        chart.plot(data);
        return chart;
    }

    /**
     * A native stacked horizontal bar chart: one bar per row {@code firstRow}..{@code lastRow} labelled from
     * {@code categoryColumn}, one stacked segment per value column. Needs an in-memory sheet ({@link ReportWorkbook#chartSheet}).
     */
    public XSSFChart stackedBarChart(String chartTitle, int categoryColumn, List<Integer> valueColumns, List<String> seriesNames,
                                     int firstRow, int lastRow, int anchorCol, int anchorRow, int anchorCols, int anchorRows) {
        if (!(sheet instanceof XSSFSheet xssf)) {
            throw new IllegalStateException("charts need an in-memory sheet");
        }
        XSSFDrawing drawing = xssf.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, anchorCol, anchorRow,
                anchorCol + anchorCols, anchorRow + anchorRows));
        chart.setTitleText(chartTitle);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        categories.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setCrossBetween(org.apache.poi.xddf.usermodel.chart.AxisCrossBetween.BETWEEN);
        var data = (org.apache.poi.xddf.usermodel.chart.XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(org.apache.poi.xddf.usermodel.chart.BarDirection.BAR);
        data.setBarGrouping(org.apache.poi.xddf.usermodel.chart.BarGrouping.STACKED);
        data.setOverlap((byte) 100);
        data.setVaryColors(false);
        var categoryData = XDDFDataSourcesFactory.fromStringCellRange(xssf,
                new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn));
        String[] palette = {"C9CED6", "C6DBEF", "6BAED6", "2171B5", "08306B"};
        for (int i = 0; i < valueColumns.size(); i++) {
            int col = valueColumns.get(i);
            var series = data.addSeries(categoryData, XDDFDataSourcesFactory.fromNumericCellRange(xssf,
                    new CellRangeAddress(firstRow, lastRow, col, col)));
            series.setTitle(seriesNames.get(i), null);
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(java.util.HexFormat.of()
                    .parseHex(palette[i % palette.length]))));
        }
        chart.plot(data);
        return chart;
    }

    /** Explicit lines: some readers (LibreOffice) draw only the markers otherwise. First solid, then dashed, dotted. */
    private static XDDFLineProperties line(int index) {
        PresetColor[] colors = {PresetColor.ROYAL_BLUE, PresetColor.GRAY, PresetColor.DARK_ORANGE};
        PresetLineDash[] dashes = {PresetLineDash.SOLID, PresetLineDash.DASH, PresetLineDash.SYSTEM_DOT};
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colors[index % 3])));
        line.setWidth(index == 0 ? 2.5 : 1.75);
        line.setPresetDash(new XDDFPresetLineDash(dashes[index % 3]));
        return line;
    }

    private void set(Row row, int column, @Nullable Object value, @Nullable CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (value) {
            case Integer i -> {
                cell.setCellValue(i);
                cell.setCellStyle(style != null ? style : book.number);
                track(column, String.valueOf(i));
            }
            case Long l -> {
                cell.setCellValue(l);
                cell.setCellStyle(style != null ? style : book.number);
                track(column, String.valueOf(l));
            }
            case Double d -> {
                cell.setCellValue(d);
                cell.setCellStyle(style != null ? style : book.decimal);
                track(column, String.format("%.2f", d));
            }
            case java.math.BigDecimal b -> {
                cell.setCellValue(b.doubleValue());
                // a count reads 3, not 3.00; a fraction keeps the digits it was given
                cell.setCellStyle(style != null ? style : b.stripTrailingZeros().scale() <= 0 ? book.number : book.general);
                track(column, b.stripTrailingZeros().toPlainString());
            }
            case java.time.LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(style != null ? style : book.date);
                track(column, d.toString());
            }
            case Percent p -> {
                cell.setCellValue(p.fraction());
                cell.setCellStyle(style != null ? style : book.percent);
                track(column, Math.round(p.fraction() * 100) + "%");
            }
            default -> {
                String s = Xlsx.safe(String.valueOf(value));
                // setCellValue(String) always makes a string cell: "=1+1" is stored as text, never as a formula
                cell.setCellValue(s);
                cell.setCellStyle(style != null ? style : s.length() > MAX_COLUMN_CHARS || s.contains("\n") ? book.wrapped : book.text);
                track(column, s);
            }
        }
    }

    private void track(int column, String s) {
        if (column >= MAX_COLUMNS) {
            return;
        }
        widths[column] = Math.max(widths[column], displayWidth(s));
    }

    private static int displayWidth(String s) {
        int width = 0;
        for (String line : s.split("\n", -1)) {
            width = Math.max(width, Xlsx.lineWidth(line));
        }
        return width;
    }

}
