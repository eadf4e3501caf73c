package jp.kakaritsuke.associations.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an untrusted .xlsx as rows of text, with bounded work and memory whatever the file holds.
 * The old reader ({@code XSSFWorkbook} + {@code getLastCellNum()}) built the whole workbook and then every empty cell up
 * to column XFD: a 491 KB file took a 6 GB heap. Here:
 * <ul>
 * <li>the sheet is streamed with SAX ({@link XSSFSheetXMLHandler}); only cells that exist are seen, nothing is built
 *     for the gaps between them;</li>
 * <li>reading stops with {@link LimitException} at the first row past {@code maxRows} or the first cell at or past
 *     {@code maxColumns}, so a hostile file costs at most {@code maxRows} small rows;</li>
 * <li>every XML part is read through a counting stream capped at its own size ({@link #MAX_SHEET_XML} etc.), on top of
 *     POI's zip-bomb guard ({@code ZipSecureFile}'s inflation ratio), which applies because the package is opened from
 *     a file;</li>
 * <li>shared strings are kept as plain strings (POI's read-only table keeps rich-text objects);</li>
 * <li>all XML goes through POI's {@link XMLHelper} parsers: no DOCTYPE, no external entities, secure processing.</li>
 * </ul>
 */
public final class XlsxRows {

    /** Uncompressed size caps per part: 10,000 member rows of a few columns are about 2 MB of sheet XML. */
    static final long MAX_SHEET_XML = 32L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS_XML = 16L * 1024 * 1024;
    static final long MAX_STYLES_XML = 4L * 1024 * 1024;
    static final long MAX_WORKBOOK_XML = 1024L * 1024;

    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public record Sheet(List<List<String>> rows, List<Set<Integer>> formulaCells) {
    }

    /** A limit was crossed; {@link #rowsSeen} tells how far the reader got (never past the row limit + 1). */
    public static final class LimitException extends IOException {
        public enum Kind { ROWS, COLUMNS, PART_SIZE }

        public final Kind kind;
        public final int rowsSeen;

        LimitException(Kind kind, int rowsSeen) {
            super(kind + " limit exceeded after " + rowsSeen + " rows");
            this.kind = kind;
            this.rowsSeen = rowsSeen;
        }
    }

    private XlsxRows() {
    }

    /** The first sheet's rows (the header included), at most {@code maxRows} of them and cells before {@code maxColumns}. */
    public static Sheet read(byte[] content, int maxRows, int maxColumns) throws IOException {
        // a file, not a stream: the package reads entries lazily through ZipSecureFile (inflation ratio, entry size)
        // instead of unpacking them all; and never the stream fallback OPCPackage.open(File) takes for a damaged zip,
        // which would unpack every entry into memory
        Path file = Files.createTempFile("kkf-import", ".xlsx");
        OPCPackage pkg = null;
        ZipFileZipEntrySource zip = null;
        try {
            Files.write(file, content);
            zip = new ZipFileZipEntrySource(new ZipSecureFile(file.toFile()));
            pkg = OPCPackage.open(zip);
            return read(pkg, maxRows, maxColumns);
        } catch (Stop stop) {
            throw (LimitException) stop.getCause();
        } catch (InvalidFormatException | SAXException | ParserConfigurationException e) {
            LimitException limit = limitIn(e);
            throw limit != null ? limit : new IOException(e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read only: closes the zip without writing anything back
            } else if (zip != null) {
                zip.close();
            }
            Files.deleteIfExists(file);
        }
    }

    private static Sheet read(OPCPackage pkg, int maxRows, int maxColumns)
            throws IOException, InvalidFormatException, SAXException, ParserConfigurationException {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.isEmpty()) {
            throw new IOException("not a spreadsheet");
        }
        PackagePart workbook = pkg.getPart(core.getRelationship(0));
        String sheetId = firstSheetRelationId(workbook);
        PackagePart sheet = workbook.getRelatedPart(workbook.getRelationship(sheetId));
        SharedStrings strings = sharedStrings(workbook);
        StylesTable styles = null;
        PackageRelationshipCollection stylesRel = workbook.getRelationshipsByType(XSSFRelation.STYLES.getRelation());
        if (!stylesRel.isEmpty()) {
            try (InputStream in = capped(workbook.getRelatedPart(stylesRel.getRelationship(0)).getInputStream(), MAX_STYLES_XML)) {
                styles = new StylesTable(in);
            }
        }
        Collector collector = new Collector(maxRows, maxColumns);
        FormulaAwareHandler handler = new FormulaAwareHandler(styles, strings, collector);
        collector.handler = handler;
        try (InputStream in = capped(sheet.getInputStream(), MAX_SHEET_XML)) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(in));
        }
        return new Sheet(collector.rows, collector.formulas);
    }

    private static String firstSheetRelationId(PackagePart workbook)
            throws IOException, SAXException, ParserConfigurationException {
        String[] id = new String[1];
        try (InputStream in = capped(workbook.getInputStream(), MAX_WORKBOOK_XML)) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                    if ("sheet".equals(localName) && id[0] == null) {
                        id[0] = attributes.getValue(RELATIONSHIPS_NS, "id");
                        throw new StopParsing();
                    }
                }
            });
            reader.parse(new InputSource(in));
        } catch (StopParsing found) {
            // the first sheet is all we need
        }
        if (id[0] == null) {
            throw new IOException("no sheet");
        }
        return id[0];
    }

    private static SharedStrings sharedStrings(PackagePart workbook)
            throws IOException, InvalidFormatException, SAXException, ParserConfigurationException {
        PackageRelationshipCollection rel = workbook.getRelationshipsByType(XSSFRelation.SHARED_STRINGS.getRelation());
        List<String> strings = new ArrayList<>();
        if (!rel.isEmpty()) {
            try (InputStream in = capped(workbook.getRelatedPart(rel.getRelationship(0)).getInputStream(), MAX_SHARED_STRINGS_XML)) {
                XMLReader reader = XMLHelper.newXMLReader();
                reader.setContentHandler(new SharedStringsHandler(strings));
                reader.parse(new InputSource(in));
            }
        }
        return new SharedStrings() {
            @Override
            public RichTextString getItemAt(int idx) {
                // the handler only calls toString(): a plain wrapper, not an XMLBeans-backed XSSFRichTextString per cell
                return new PlainText(idx >= 0 && idx < strings.size() ? strings.get(idx) : "");
            }

            @Override
            public int getCount() {
                return strings.size();
            }

            @Override
            public int getUniqueCount() {
                return strings.size();
            }
        };
    }

    /** A shared string as the sheet handler needs it: its text, no formatting. */
    private record PlainText(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, org.apache.poi.ss.usermodel.Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(org.apache.poi.ss.usermodel.Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearFormatting() {
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException();
        }
    }

    /** {@code <si>} entries as plain text: the {@code <t>} runs, without phonetic guides ({@code <rPh>}). */
    private static final class SharedStringsHandler extends DefaultHandler {
        private final List<String> strings;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private int phonetic;

        SharedStringsHandler(List<String> strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> text.setLength(0);
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> strings.add(text.toString());
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /**
     * POI's sheet handler, noting whether the current cell has a formula ({@code <f>}), which it does not report, and
     * reporting formula cells without a cached value ({@code <c><f>…</f></c>}, as POI writes them), which it skips.
     * Inline-string cells are read here as plain text: POI builds an XMLBeans rich-text object for each, ten times
     * the work of a shared string.
     */
    private static final class FormulaAwareHandler extends XSSFSheetXMLHandler {
        private final SheetContentsHandler output;
        boolean formula;
        boolean emitted;
        String reference;
        private boolean inline;
        private boolean inlineText;
        private int phonetic;
        private final StringBuilder text = new StringBuilder();

        FormulaAwareHandler(StylesTable styles, SharedStrings strings, SheetContentsHandler output) {
            super(styles, strings, output, new DataFormatter(Locale.JAPAN), true);
            this.output = output;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                formula = false;
                emitted = false;
                reference = attributes.getValue("r");
                inline = "inlineStr".equals(attributes.getValue("t"));
                if (inline) {
                    text.setLength(0);
                    phonetic = 0;
                    return;
                }
            } else if (inline) {
                switch (localName) {
                    case "rPh" -> phonetic++;
                    case "t" -> inlineText = phonetic == 0;
                    default -> { }
                }
                return;
            } else if ("f".equals(localName)) {
                formula = true;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (inline) {
                switch (localName) {
                    case "c" -> {
                        inline = false;
                        output.cell(reference, text.toString(), null);
                    }
                    case "rPh" -> phonetic--;
                    case "t" -> inlineText = false;
                    default -> { }
                }
                return;
            }
            super.endElement(uri, localName, qName);
            if ("c".equals(localName) && formula && !emitted) {
                output.cell(reference, "", null);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inline) {
                if (inlineText) {
                    text.append(ch, start, length);
                }
                return;
            }
            super.characters(ch, start, length);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final int maxRows;
        final int maxColumns;
        final List<List<String>> rows = new ArrayList<>();
        final List<Set<Integer>> formulas = new ArrayList<>();
        FormulaAwareHandler handler;
        List<String> row;
        Set<Integer> rowFormulas;
        int nextColumn;

        Collector(int maxRows, int maxColumns) {
            this.maxRows = maxRows;
            this.maxColumns = maxColumns;
        }

        @Override
        public void startRow(int rowNum) {
            // rowNum is 0-based; the header is row 0. A row past the limit stops the reading before it is stored.
            if (rowNum >= maxRows) {
                throw new Stop(new LimitException(LimitException.Kind.ROWS, rows.size()));
            }
            while (rows.size() < rowNum) { // rows the file leaves out are empty lines, as a spreadsheet shows them
                rows.add(new ArrayList<>());
                formulas.add(Set.of());
            }
            row = new ArrayList<>();
            rowFormulas = new HashSet<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(row);
            formulas.add(rowFormulas);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            if (column >= maxColumns) {
                throw new Stop(new LimitException(LimitException.Kind.COLUMNS, rows.size() + 1));
            }
            nextColumn = column + 1;
            handler.emitted = true;
            while (row.size() < column) {
                row.add("");
            }
            if (handler.formula) {
                rowFormulas.add(column);
                value = "=" + value;
            }
            if (row.size() == column) {
                row.add(value == null ? "" : value);
            } else {
                row.set(column, value == null ? "" : value);
            }
        }
    }

    private static final class StopParsing extends SAXException {
        StopParsing() {
            super("stop");
        }
    }

    /** Carries a limit out of the SAX callbacks, which may not throw checked exceptions other than SAXException. */
    private static final class Stop extends RuntimeException {
        Stop(LimitException limit) {
            super(limit);
        }
    }

    static LimitException limitIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitException l) {
                return l;
            }
            if (t instanceof SAXException s && s.getException() instanceof LimitException l) {
                return l;
            }
        }
        return null;
    }

    /** Counts the bytes of one part and fails past {@code max}, whatever the zip entry claims. */
    private static InputStream capped(InputStream in, long max) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            private void add(int n) throws LimitException {
                count += n;
                if (count > max) {
                    throw new LimitException(LimitException.Kind.PART_SIZE, 0);
                }
            }
        };
    }
}
