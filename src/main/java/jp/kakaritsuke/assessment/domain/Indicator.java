package jp.kakaritsuke.assessment.domain;

import java.util.Locale;

/**
 * A concrete indicator of one role, drawn from a published practice ({@code sourceCase} / {@code sourcePractice},
 * e.g. 17 / 1 = 事例17 ①). {@code reportItemCode} maps it to an item of the yearly かかりつけ医機能報告.
 */
public record Indicator(String code, String roleCode, int seq, String labelJa, String labelEn, String hintJa,
                        String hintEn, AnswerType type, String unitJa, String unitEn, Integer min, Integer max,
                        Integer fullCredit, String sourceCase, Integer sourcePractice, String reportItemCode,
                        String reportItemJa) {

    public String label(Locale locale) {
        return english(locale) ? labelEn : labelJa;
    }

    public String hint(Locale locale) {
        return english(locale) ? hintEn : hintJa;
    }

    public String unit(Locale locale) {
        return english(locale) ? unitEn : unitJa;
    }

    static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
