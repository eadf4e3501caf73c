package jp.kakaritsuke.reports.service;

import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.base.xlsx.ReportWorkbook;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.springframework.stereotype.Component;

/**
 * The 「行動計画」 sheet of the board report: the facility's action plan as it stands when the report is made (what,
 * role, the practice it follows, who, due date as a date cell, status), in the reader's language. Only for people of
 * the facility: a consenting association reading the report gets the result sheets and no plan, as on the pages.
 */
@Component
class ActionPlanSheet {

    private final ActionPlanService plans;
    private final CaseLibraryService caseLibrary;
    private final AppI18NProvider i18n = new AppI18NProvider();

    ActionPlanSheet(ActionPlanService plans, CaseLibraryService caseLibrary) {
        this.plans = plans;
        this.caseLibrary = caseLibrary;
    }

    /** Adds the sheet when the caller may read the plan; otherwise leaves the workbook as it is. */
    void addTo(ReportWorkbook book, long facilityId, Locale locale, String headerText, String pageFormat) {
        if (!plans.canRead(facilityId)) {
            return;
        }
        List<ActionItem> items = plans.plan(facilityId);
        CaseLibrary library = caseLibrary.library();
        ReportSheet s = book.sheet(t("actions.report.sheet", locale), true).headerFooter(headerText, pageFormat);
        s.title(t("actions.report.title", locale));
        s.header(true, t("actions.col.what", locale), t("actions.col.role", locale), t("actions.col.practice", locale),
                t("actions.col.who", locale), t("actions.col.due", locale), t("actions.col.status", locale));
        if (items.isEmpty()) {
            s.row(t("actions.report.empty", locale));
        }
        for (ActionItem item : items) {
            // the due date is a date cell, so Excel sorts and filters it as a date
            s.row(item.getWhat(), library.roleName(item.getRoleCode(), locale),
                    item.getPractice() == null ? "" : source(item.getPractice(), locale), item.getWho() == null ? "" : item.getWho(),
                    item.getDueDate(), t("actions.status." + item.getStatus().name(), locale));
        }
        s.fitColumns(6);
    }

    private String source(SourceReference ref, Locale locale) {
        String c = ref.isReferenceCase() ? t("source.reference", locale, ref.bareCaseNumber()) : t("source.case", locale, ref.caseNumber());
        return ref.practiceNumber() == null ? c : t("source.practice", locale, c, SourceReference.circled(ref.practiceNumber()));
    }

    private String t(String key, Locale locale, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }
}
