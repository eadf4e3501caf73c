package jp.kakaritsuke.base;

import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * The one rule for a number a person typed: the questionnaire, the facility form and the API all read typed numbers
 * through it, so 「１２」「1,200」「 ３．５ 」 mean the same everywhere. NFKC turns full-width digits, the full-width
 * point and comma into ASCII; thousands separators and spaces (ASCII, ideographic U+3000) are dropped; the
 * minus-like signs an IME produces (U+2212 −, U+30FC ー, U+FF0D －) become '-'. Anything else is not a number.
 */
public final class NumberInput {

    private NumberInput() {
    }

    /** The outcome of reading one typed value: empty, a number, or text that is not a number. */
    public sealed interface Parsed permits Empty, Valid, NotANumber {
    }

    public record Empty() implements Parsed {
    }

    public record Valid(BigDecimal value) implements Parsed {
    }

    public record NotANumber(String typed) implements Parsed {
    }

    public static Parsed parse(String typed) {
        if (typed == null) {
            return new Empty();
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replace("\u2212", "-").replace("\u30FC", "-").replace("\uFF0D", "-")
                .replace(",", "").replace("、", "").replace(" ", "").replace("\u3000", "").strip();
        if (s.isEmpty()) {
            return new Empty();
        }
        // digits with at most one point; no exponent, no leading '+' (BigDecimal would accept both)
        if (!s.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return new NotANumber(typed);
        }
        BigDecimal n = new BigDecimal(s).stripTrailingZeros();
        return new Valid(n.scale() < 0 ? n.setScale(0) : n);
    }

    /** How a stored number is shown back to a person: 3 not 3.00, 2.5 not 2.50. */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
