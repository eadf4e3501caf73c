package jp.kakaritsuke.caselibrary.domain;

import org.jspecify.annotations.Nullable;

/**
 * Where a text comes from in the 事例集: the case number ("17", "参考3") and, for a practice, its number (1 = ①).
 */
public record SourceReference(String caseNumber, @Nullable Integer practiceNumber) {

    /** ①…⑳ as printed in the seed. */
    public static String circled(int n) {
        if (n < 1 || n > 20) {
            return "(" + n + ")";
        }
        return String.valueOf((char) ('\u2460' + n - 1));
    }

    private static final String REFERENCE_PREFIX = "参考";

    public boolean isReferenceCase() {
        return caseNumber.startsWith(REFERENCE_PREFIX);
    }

    /** The number without the 参考 prefix ("3" for 参考3), for labels in any language. */
    public String bareCaseNumber() {
        return isReferenceCase() ? caseNumber.substring(REFERENCE_PREFIX.length()) : caseNumber;
    }

    /** Japanese short form used in the seed's own style, e.g. 事例17 ① or 参考3 ②. */
    public String shortJa() {
        String c = isReferenceCase() ? caseNumber : "事例" + caseNumber;
        return practiceNumber == null ? c : c + " " + circled(practiceNumber);
    }
}
