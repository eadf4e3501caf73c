package jp.kakaritsuke.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A concrete indicator of one role, drawn from a published practice ({@code sourceCase} / {@code sourcePractice},
 * e.g. 17 / 1 = 事例17 ①). {@code reportItemCode} maps it to an item of the yearly かかりつけ医機能報告.
 * {@code extraChoices} are 不明 / 該当なし where this version offers them (empty in version 1).
 */
public record Indicator(String code, String roleCode, int seq, String labelJa, String labelEn, String hintJa,
                        String hintEn, AnswerType type, String unitJa, String unitEn, Integer min, Integer max,
                        Integer fullCredit, String sourceCase, Integer sourcePractice, String reportItemCode,
                        String reportItemJa, List<Choice> extraChoices) {

    public Indicator {
        extraChoices = extraChoices == null ? List.of() : List.copyOf(extraChoices);
    }

    /** Without 不明 / 該当なし (version 1, tests). */
    public Indicator(String code, String roleCode, int seq, String labelJa, String labelEn, String hintJa,
                     String hintEn, AnswerType type, String unitJa, String unitEn, Integer min, Integer max,
                     Integer fullCredit, String sourceCase, Integer sourcePractice, String reportItemCode,
                     String reportItemJa) {
        this(code, roleCode, seq, labelJa, labelEn, hintJa, hintEn, type, unitJa, unitEn, min, max, fullCredit,
                sourceCase, sourcePractice, reportItemCode, reportItemJa, List.of());
    }

    /** The choices offered, in display order: the type's scale, then 不明 / 該当なし where offered. Empty for NUMBER. */
    public List<Choice> choices() {
        if (type == AnswerType.NUMBER) {
            return List.of();
        }
        List<Choice> all = new ArrayList<>(Choice.of(type));
        all.addAll(extraChoices);
        return List.copyOf(all);
    }

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
