package jp.kakaritsuke.associations.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * Member-import files for tests and the import bench, written as raw SpreadsheetML (the smallest valid .xlsx: a
 * workbook, one sheet, inline strings) so that even 100,000 rows take a fraction of a second and no POI memory.
 */
public final class ImportFiles {

    private ImportFiles() {
    }

    /** The security test's file: the header, then {@code rows} rows with one cell each at {@code column} (16383 = XFD). */
    public static byte[] oneCellPerRow(int rows, int column) throws IOException {
        return xlsx((w, r) -> cell(w, column, r + 1, "x"), rows);
    }

    /**
     * A legitimate member list as Excel saves it (text in the shared-strings table, numbers as numbers): the header
     * and {@code rows} distinct clinics with beds and a contact.
     */
    public static byte[] members(int rows) throws IOException {
        java.util.LinkedHashMap<String, Integer> shared = new java.util.LinkedHashMap<>();
        return xlsx((w, r) -> {
            sharedCell(w, shared, 0, r + 1, "テスト診療所" + r);
            sharedCell(w, shared, 1, r + 1, "診療所");
            sharedCell(w, shared, 2, r + 1, "堺市" + (r % 7) + "区");
            w.write("<c r=\"D" + (r + 1) + "\"><v>" + (r % 20) + "</v></c>");
            sharedCell(w, shared, 4, r + 1, "担当 " + r);
        }, rows, shared);
    }

    private static void sharedCell(Writer w, java.util.Map<String, Integer> shared, int column, int row, String text)
            throws IOException {
        int index = shared.computeIfAbsent(text, t -> shared.size());
        w.write("<c r=\"" + CellReference.convertNumToColString(column) + row + "\" t=\"s\"><v>" + index + "</v></c>");
    }

    interface RowWriter {
        void write(Writer w, int row) throws IOException;
    }

    private static byte[] xlsx(RowWriter dataRow, int rows) throws IOException {
        return xlsx(dataRow, rows, java.util.Map.of());
    }

    private static byte[] xlsx(RowWriter dataRow, int rows, java.util.Map<String, Integer> shared) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="会員" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            w.write("<row r=\"1\">");
            cell(w, 0, 1, "施設名");
            cell(w, 1, 1, "種別");
            cell(w, 2, 1, "市区町村");
            cell(w, 3, 1, "病床数");
            cell(w, 4, 1, "連絡先");
            w.write("</row>");
            for (int r = 1; r <= rows; r++) {
                w.write("<row r=\"" + (r + 1) + "\">");
                dataRow.write(w, r);
                w.write("</row>");
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
            // written after the sheet, which fills the table; the reader finds it by its relationship, not by order
            StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + shared.size()
                    + "\" uniqueCount=\"" + shared.size() + "\">");
            shared.keySet().forEach(t -> sst.append("<si><t>").append(t).append("</t></si>"));
            entry(zip, "xl/sharedStrings.xml", sst.append("</sst>").toString());
        }
        return bytes.toByteArray();
    }

    private static void cell(Writer w, int column, int row, String text) throws IOException {
        w.write("<c r=\"" + CellReference.convertNumToColString(column) + row + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
