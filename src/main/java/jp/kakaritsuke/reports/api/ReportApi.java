package jp.kakaritsuke.reports.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.kakaritsuke.base.web.DownloadLanguage;
import jp.kakaritsuke.reports.service.BlankSheetService;
import jp.kakaritsuke.reports.service.FacilityReportService;
import jp.kakaritsuke.reports.service.RollupReportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The workbooks: {@code GET /api/v1/assessments/{id}/report.xlsx} (the board report), {@code
 * /associations/{id}/rollup.xlsx} and {@code /questionnaires/current/blank.xlsx}. Also the UI's download links (same
 * session). Built in memory first where possible, so a refusal still becomes a problem+json answer instead of a
 * broken download. The language: {@code ?lang=}, else the UI's language cookie, else (API clients) Accept-Language,
 * else Japanese.
 */
@RestController
@RequestMapping("/api/v1")
class ReportApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FacilityReportService reports;
    private final RollupReportService rollupReports;
    private final BlankSheetService blankSheets;

    ReportApi(FacilityReportService reports, RollupReportService rollupReports, BlankSheetService blankSheets) {
        this.reports = reports;
        this.rollupReports = rollupReports;
        this.blankSheets = blankSheets;
    }

    /** The association rollup workbook, streamed straight to the client once the rollup is computed and authorised. */
    @GetMapping("/associations/{id}/rollup.xlsx")
    ResponseEntity<StreamingResponseBody> rollup(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang,
                                                 @RequestParam(name = "reportYear", required = false) Integer reportYear,
                                                 HttpServletRequest request) {
        Locale locale = DownloadLanguage.of(lang, request);
        String fileName = rollupReports.fileName(id, locale); // authorises before anything is sent
        // computed and recorded here, in the request, before streaming; with the members' report preparation (issue 12)
        var rollup = rollupReports.download(id, reportYear);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(out -> rollupReports.write(rollup, locale, out));
    }

    @GetMapping("/assessments/{id}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang,
                                  HttpServletRequest request) throws IOException {
        Locale locale = DownloadLanguage.of(lang, request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(id, locale, out);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(reports.fileName(id, locale)))
                .body(out.toByteArray());
    }

    /** Every question of the current questionnaire, to collect the figures from the records before answering. */
    @GetMapping("/questionnaires/current/blank.xlsx")
    ResponseEntity<byte[]> blankSheet(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request)
            throws IOException {
        Locale locale = DownloadLanguage.of(lang, request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blankSheets.write(locale, out);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(blankSheets.fileName(locale)))
                .body(out.toByteArray());
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
