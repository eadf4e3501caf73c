package jp.kakaritsuke.functionreport.service;

import io.micrometer.core.annotation.Timed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the director takes to G-MIS, as one .xlsx: the items in the report's order (number, wording, the answer as
 * the report's choice), a one-page 院内掲示 draft built from the answers, and the checklist of what remains before the
 * deadline. Same authorisation as reading the preparation: it is read through {@link ReportPreparationService#view}
 * (INTERNALS: the facility's own people and administrators; everybody else gets 404), and nothing else is read.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PreparationWorkbookService {

    private final ReportPreparationService preparations;
    private final ReportEditionService editions;
    private final Clock clock;

    public PreparationWorkbookService(ReportPreparationService preparations, ReportEditionService editions, Clock clock) {
        this.preparations = preparations;
        this.editions = editions;
        this.clock = clock;
    }

    /** Built in memory (a few dozen rows), so a refusal is an ordinary exception before anything is sent. */
    @Transactional(readOnly = true)
    @Timed(value = "kkf.report.workbook", extraTags = {"report", "preparation"}, description = "Workbooks written (docs/operations.md)")
    public byte[] workbook(long facilityId, int reportYear, Locale locale) {
        PreparationView view = preparations.view(facilityId, reportYear); // authorises
        ReportEdition edition = view.edition() != null ? view.edition() : editions.forReportYear(reportYear);
        try {
            return PreparationWorkbook.build(edition, view, locale, ZonedDateTime.now(clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
    }

    /** e.g. 「kakaritsuke-report-2027-facility-12.xlsx」: ASCII, so every browser keeps it. */
    @Anyone("a file name made of its arguments; reads nothing")
    public String fileName(long facilityId, int reportYear) {
        return "kakaritsuke-report-" + reportYear + "-facility-" + facilityId + ".xlsx";
    }
}
