package jp.kakaritsuke.reports.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleTrend;
import jp.kakaritsuke.assessment.service.AssessmentModels.TrendPoint;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.base.Japan;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.xlsx.ReportSheet;
import jp.kakaritsuke.base.xlsx.ReportWorkbook;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.springframework.stereotype.Component;

/**
 * The 「推移」 sheet of the board report: one row per submitted round of the facility (oldest first; the submission
 * day as a date cell, so Excel sorts, filters and charts it as a date), then a level and a score column per role, in
 * the reader's language. Every round's score is its own questionnaire version's (as on the result page). Few rows
 * (a facility submits about once a year), so it adds next to nothing to the workbook's memory.
 */
@Component
class TrendSheet {

    private final RoleProfileService profiles;
    private final CaseLibraryService caseLibrary;
    private final AppI18NProvider i18n = new AppI18NProvider();

    TrendSheet(RoleProfileService profiles, CaseLibraryService caseLibrary) {
        this.profiles = profiles;
        this.caseLibrary = caseLibrary;
    }

    /** Adds the sheet; {@code roles} in the order the other sheets list them. */
    void addTo(ReportWorkbook book, long roundId, List<RoleCode> roles, Locale locale, String headerText,
               String pageFormat) {
        RoleTrend trend = profiles.reportTrend(roundId); // the report's download is recorded once, by the profile
        CaseLibrary library = caseLibrary.library();
        ReportSheet s = book.sheet(t("report.sheet.trend", locale), true).headerFooter(headerText, pageFormat);
        s.title(t("report.trend.title", locale));
        List<String> header = new ArrayList<>(List.of(t("report.trend.col.submitted", locale),
                t("report.trend.col.version", locale)));
        for (RoleCode role : roles) {
            String name = library.roleName(role, locale);
            header.add(t("report.trend.levelOf", locale, name));
            header.add(t("report.trend.scoreOf", locale, name));
        }
        s.header(true, header.toArray(String[]::new));
        for (TrendPoint point : trend.rounds()) {
            List<Object> row = new ArrayList<>();
            row.add(LocalDate.ofInstant(point.submittedAt(), Japan.ZONE));
            row.add(point.questionnaireVersion());
            for (RoleCode role : roles) {
                // a role the round did not answer stays an empty cell, not a zero
                row.add(point.levels().get(role));
                row.add(point.scores().get(role));
            }
            s.row(row.toArray());
        }
        s.fitColumns(header.size());
    }

    private String t(String key, Locale locale, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }
}
