package jp.kakaritsuke.functionreport.service;

import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the director takes to G-MIS, as one .xlsx: the items in the report's order (number, wording, the answer as
 * the report's choice), a one-page 院内掲示 draft built from the answers, and the checklist of what remains before the
 * deadline. Same authorisation as reading the preparation.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PreparationWorkbookService {

    public byte[] workbook(long facilityId, int reportYear, Locale locale) {
        throw new UnsupportedOperationException("CONTRACT: implemented by the workbook stream");
    }

    /** e.g. 「kakaritsuke-report-2027-facility-12.xlsx」: ASCII, so every browser keeps it. */
    public String fileName(long facilityId, int reportYear) {
        return "kakaritsuke-report-" + reportYear + "-facility-" + facilityId + ".xlsx";
    }
}
