package jp.kakaritsuke.caselibrary.ui;

import com.vaadin.flow.component.Component;
import jp.kakaritsuke.caselibrary.domain.CaseCategory;
import jp.kakaritsuke.caselibrary.domain.SourceReference;

/** Translated labels shared by the case library views. */
public final class CaseLabels {

    private CaseLabels() {
    }

    public static String category(Component c, CaseCategory category) {
        return c.getTranslation("category." + category.name());
    }

    /** "事例17 取組①" / "Case 17, practice ①"; "参考3" / "Reference case 3". */
    public static String source(Component c, SourceReference ref) {
        String caseLabel = ref.isReferenceCase()
                ? c.getTranslation("source.reference", ref.bareCaseNumber())
                : c.getTranslation("source.case", ref.caseNumber());
        return ref.practiceNumber() == null
                ? caseLabel
                : c.getTranslation("source.practice", caseLabel, SourceReference.circled(ref.practiceNumber()));
    }
}
