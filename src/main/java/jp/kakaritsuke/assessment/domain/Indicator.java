package jp.kakaritsuke.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * A concrete indicator of one role, drawn from a published practice ({@code sourceCase} / {@code sourcePractice},
 * e.g. 17 / 1 = 事例17 ①). {@code reportItemCode} maps it to an item of the yearly かかりつけ医機能報告.
 * {@code extraChoices} are 不明 / 該当なし where this version offers them (empty in version 1).
 * From version 3: {@code reportItemCode} is set only where the indicator IS the report's item (same wording, choices and
 * period; earlier versions also set it for conclusions, wrongly — docs/questionnaire.md §5); {@code audience} says who
 * is asked; {@code period} the period the answer covers; {@code basisJa/En} the rule or publication an indicator rests
 * on when it is not drawn from a case of the casebook (then {@code sourceCase} is null).
 */
public record Indicator(String code, RoleCode roleCode, int seq, String labelJa, String labelEn, String hintJa,
                        String hintEn, AnswerType type, String unitJa, String unitEn, Integer min, Integer max,
                        Integer fullCredit, String sourceCase, Integer sourcePractice, String reportItemCode,
                        String reportItemJa, List<Choice> extraChoices, IndicatorAudience audience,
                        IndicatorPeriod period, String basisJa, String basisEn) {

    public Indicator {
        extraChoices = extraChoices == null ? List.of() : List.copyOf(extraChoices);
        audience = audience == null ? IndicatorAudience.ALL : audience;
    }

    /** Asked of everyone, no stated period, no basis besides the casebook (versions 1 and 2, tests). */
    public Indicator(String code, RoleCode roleCode, int seq, String labelJa, String labelEn, String hintJa,
                     String hintEn, AnswerType type, String unitJa, String unitEn, Integer min, Integer max,
                     Integer fullCredit, String sourceCase, Integer sourcePractice, String reportItemCode,
                     String reportItemJa, List<Choice> extraChoices) {
        this(code, roleCode, seq, labelJa, labelEn, hintJa, hintEn, type, unitJa, unitEn, min, max, fullCredit,
                sourceCase, sourcePractice, reportItemCode, reportItemJa, extraChoices, IndicatorAudience.ALL, null,
                null, null);
    }

    /** Without 不明 / 該当なし (version 1, tests). */
    public Indicator(String code, RoleCode roleCode, int seq, String labelJa, String labelEn, String hintJa,
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

    /**
     * Whether this indicator IS an item of the report (version 3: {@code NO2A.ROTA}, {@code NO2D.OPINION_LETTER}). Versions
     * 1 and 2 stored codes such as {@code NO2_HOME_CARE} for the report's derived headings, which are no items of it
     * (docs/questionnaire.md §5): those are not shown as the report's question. Item codes are {@code <prefix>.<NAME>}.
     */
    public boolean asksReportItem() {
        return reportItemCode != null && reportItemCode.contains(".");
    }

    /** Whether a facility of this type is asked this indicator. */
    public boolean askedOf(FacilityKind type) {
        return audience.includes(type);
    }

    public String basis(Locale locale) {
        return english(locale) && basisEn != null ? basisEn : basisJa;
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
