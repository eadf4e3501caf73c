package jp.kakaritsuke.base;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 with the quirks of spreadsheet exports: CRLF or LF, quoted fields with commas, doubled quotes and newlines. */
public final class Csv {

    private Csv() {
    }

    /**
     * The opposite of {@link #parse}: rows as Excel opens them (UTF-8 with a BOM, CRLF), every value quoted so commas,
     * quotes and newlines in names survive. A value a spreadsheet would run as a formula is neutralised
     * ({@link TextRules#neutralise}) whatever the caller checked before.
     */
    public static byte[] write(List<List<String>> rows) {
        StringBuilder s = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                s.append(i == 0 ? "" : ",").append('"').append(TextRules.neutralise(row.get(i)).replace("\"", "\"\"")).append('"');
            }
            s.append("\r\n");
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Limits for reading untrusted CSV; {@link #parse(String, Limits)} stops at the first one exceeded. */
    public record Limits(int maxRecords, int maxFields, int maxRecordChars) {
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Which limit a file exceeded, and the record (1-based line of records) where reading stopped. */
    public static final class LimitExceededException extends RuntimeException {
        public enum Kind { RECORDS, FIELDS, RECORD_LENGTH }

        private final Kind kind;
        private final int records;

        LimitExceededException(Kind kind, int records) {
            super(kind + " limit exceeded at record " + records, null, false, false);
            this.kind = kind;
            this.records = records;
        }

        public Kind kind() {
            return kind;
        }

        /** Records read (complete or started) when reading stopped: never more than the record limit + 1. */
        public int records() {
            return records;
        }
    }

    public static List<List<String>> parse(String text) {
        return parse(text, Limits.NONE);
    }

    /**
     * Parses at most {@code maxRecords} records of at most {@code maxFields} fields and {@code maxRecordChars}
     * characters each, else throws {@link LimitExceededException} as soon as a limit is crossed: a file of five
     * million line breaks or one line of five million commas costs nothing beyond its text.
     */
    public static List<List<String>> parse(String text, Limits limits) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int recordChars = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (++recordChars > limits.maxRecordChars()) {
                throw new LimitExceededException(LimitExceededException.Kind.RECORD_LENGTH, records.size() + 1);
            }
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
                if (record.size() >= limits.maxFields()) {
                    throw new LimitExceededException(LimitExceededException.Kind.FIELDS, records.size() + 1);
                }
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (records.size() >= limits.maxRecords()) {
                    throw new LimitExceededException(LimitExceededException.Kind.RECORDS, records.size() + 1);
                }
                records.add(record);
                record = new ArrayList<>();
                recordChars = 0;
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            if (records.size() >= limits.maxRecords()) {
                throw new LimitExceededException(LimitExceededException.Kind.RECORDS, records.size() + 1);
            }
            records.add(record);
        }
        return records;
    }
}
