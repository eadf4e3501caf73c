package jp.kakaritsuke.base;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 with the quirks of spreadsheet exports: CRLF or LF, quoted fields with commas, doubled quotes and newlines. */
public final class Csv {

    private Csv() {
    }

    /**
     * The opposite of {@link #parse}: rows as Excel opens them (UTF-8 with a BOM, CRLF), every value quoted so commas,
     * quotes and newlines in names survive.
     */
    public static byte[] write(List<List<String>> rows) {
        StringBuilder s = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                s.append(i == 0 ? "" : ",").append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
            }
            s.append("\r\n");
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
