package jp.kakaritsuke.caselibrary.service;

import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.caselibrary.domain.CaseCategory;
import jp.kakaritsuke.caselibrary.domain.SourceReference;

/**
 * The case library's references as people read them, in their language: shared by the library's own views and every
 * other module's page that cites a case or practice (the questionnaire, the result page, the action plan, the
 * rollup). A component passes its {@code getLocale()}.
 */
public final class CaseLabels {

    private CaseLabels() {
    }

    public static String category(Locale locale, CaseCategory category) {
        return AppI18NProvider.translate(locale, "category." + category.name());
    }

    /** "事例17 取組①" / "Case 17, practice ①"; "参考3" / "Reference case 3". */
    public static String source(Locale locale, SourceReference ref) {
        String caseLabel = ref.isReferenceCase()
                ? AppI18NProvider.translate(locale, "source.reference", ref.bareCaseNumber())
                : AppI18NProvider.translate(locale, "source.case", ref.caseNumber());
        return ref.practiceNumber() == null
                ? caseLabel
                : AppI18NProvider.translate(locale, "source.practice", caseLabel, SourceReference.circled(ref.practiceNumber()));
    }
}
