package jp.kakaritsuke.base;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for text that ends up in a spreadsheet or CSV, and for names. Services check input with it (and the
 * views show the same message keys); every export writer ({@link Csv#write}, the report workbooks) applies
 * {@link #neutralise} / {@link #startsLikeFormula} again, so text stored before the rule existed is safe too.
 */
public final class TextRules {

    /**
     * What makes a spreadsheet evaluate a cell: {@code = + - @} (Excel, LibreOffice and Google Sheets all start a
     * formula with them: {@code -2+3+cmd|' /C calc'!A0} runs), tab and CR (Excel's CSV import can turn them into a new
     * cell that starts with one of the others), and LF for the same reason. Their full-width forms ＝＋－＠ too:
     * Japanese Excel turns ＝ typed with the IME into a formula, and no facility, person or town name starts with any
     * of them, so refusing them costs nothing. Leading spaces (ASCII and the ideographic U+3000) are skipped first:
     * some importers trim them and then see the formula.
     */
    private static final String FORMULA_START = "=+-@\t\r\n＝＋－＠";

    private TextRules() {
    }

    /** True when a spreadsheet could read the value as a formula. */
    public static boolean startsLikeFormula(String s) {
        if (s == null) {
            return false;
        }
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u3000')) {
            i++;
        }
        return i < s.length() && FORMULA_START.indexOf(s.charAt(i)) >= 0;
    }

    /**
     * True when the text holds characters nobody types into a name and that can hide or reorder what is shown:
     * control characters (NUL, tab, line breaks, C1 controls), format characters (bidirectional overrides, embeddings
     * and isolates U+202A–U+202E, U+2066–U+2069, marks U+200E/U+200F, zero-width spaces and joiners, soft hyphen,
     * BOM, the invisible operators U+2061–U+2064: Unicode category Cf), line/paragraph separators and unpaired
     * surrogates. Private-use characters stay allowed: Japanese 外字 in names use them.
     */
    public static boolean hasInvisibleCharacters(String s) {
        return s != null && s.codePoints().anyMatch(TextRules::isInvisible);
    }

    /**
     * The text with every character {@link #hasInvisibleCharacters} refuses replaced: for what is recorded rather than
     * refused (a user name as typed at the login, in the log and the audit trail), so a CR/LF cannot forge a line and
     * a bidirectional override cannot reorder what an administrator reads.
     */
    public static String replaceInvisible(String s, char replacement) {
        return s.codePoints().map(cp -> isInvisible(cp) ? replacement : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean isInvisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /**
     * Message keys for a name or single-line text field: {@code prefix + "Formula"} and/or
     * {@code prefix + "Invisible"}, empty when the text is acceptable. E.g. {@code facility.error.nameFormula}.
     */
    public static List<String> problems(String prefix, String s) {
        List<String> keys = new ArrayList<>(2);
        if (startsLikeFormula(s)) {
            keys.add(prefix + "Formula");
        }
        if (hasInvisibleCharacters(s)) {
            keys.add(prefix + "Invisible");
        }
        return keys;
    }

    /**
     * Defence in depth for CSV: a value a spreadsheet would evaluate gets a leading apostrophe (OWASP's advice), which
     * Excel shows as text and never runs. Everything else is returned unchanged.
     */
    public static String neutralise(String s) {
        return startsLikeFormula(s) ? "'" + s : s;
    }
}
