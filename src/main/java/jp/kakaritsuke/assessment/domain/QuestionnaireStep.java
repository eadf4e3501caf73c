package jp.kakaritsuke.assessment.domain;

import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/** One step of the questionnaire: the basics, or a group of roles. */
public record QuestionnaireStep(int number, String code, String titleJa, String titleEn, String introJa,
                                String introEn, List<RoleCode> roleCodes) {

    public static final String BASICS = "BASICS";

    public QuestionnaireStep {
        roleCodes = List.copyOf(roleCodes);
    }

    public boolean isBasics() {
        return BASICS.equals(code);
    }

    public String title(Locale locale) {
        return Indicator.english(locale) ? titleEn : titleJa;
    }

    public String intro(Locale locale) {
        return Indicator.english(locale) ? introEn : introJa;
    }
}
