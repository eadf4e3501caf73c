package jp.kakaritsuke.assessment.domain;

import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/** The questions of one role: help text quoting the seed, the five level anchors (0–4), the indicators. */
public record RoleQuestion(RoleCode roleCode, int stepNumber, int seq, String helpJa, String helpEn, String helpSource,
                           List<String> levelsJa, List<String> levelsEn, List<Indicator> indicators) {

    public static final int MAX_LEVEL = 4;

    public RoleQuestion {
        levelsJa = List.copyOf(levelsJa);
        levelsEn = List.copyOf(levelsEn);
        indicators = List.copyOf(indicators);
    }

    /**
     * The role as a facility of this type is asked it: only the indicators of its audience (version 3; every
     * indicator of versions 1 and 2 is asked of all). Validation, scoring, the editor and the API all use this view.
     */
    public RoleQuestion forFacility(FacilityKind type) {
        if (type == null || indicators.stream().allMatch(i -> i.askedOf(type))) {
            return this;
        }
        return new RoleQuestion(roleCode, stepNumber, seq, helpJa, helpEn, helpSource, levelsJa, levelsEn,
                indicators.stream().filter(i -> i.askedOf(type)).toList());
    }

    public String help(Locale locale) {
        return Indicator.english(locale) ? helpEn : helpJa;
    }

    public String levelAnchor(int level, Locale locale) {
        return (Indicator.english(locale) ? levelsEn : levelsJa).get(level);
    }
}
