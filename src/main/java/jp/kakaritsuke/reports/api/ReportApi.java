package jp.kakaritsuke.reports.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.reports.service.FacilityReportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/assessments/{id}/report.xlsx}: the board report. Also the UI's download link (same session).
 * Built in memory first, so a refusal still becomes a problem+json answer instead of a broken download.
 */
@RestController
@RequestMapping("/api/v1")
class ReportApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FacilityReportService reports;
    private final jp.kakaritsuke.reports.service.RollupReportService rollupReports;

    ReportApi(FacilityReportService reports, jp.kakaritsuke.reports.service.RollupReportService rollupReports) {
        this.reports = reports;
        this.rollupReports = rollupReports;
    }

    /** The association rollup workbook, streamed straight to the client once the rollup is computed and authorised. */
    @GetMapping("/associations/{id}/rollup.xlsx")
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> rollup(
            @PathVariable long id, @RequestParam(name = "lang", defaultValue = "ja") String lang) {
        Locale locale = AppI18NProvider.supported(Locale.forLanguageTag(lang));
        String fileName = rollupReports.fileName(id, locale); // authorises before anything is sent
        var rollup = rollupReports.download(id); // computed and recorded here, in the request, before streaming
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(out -> rollupReports.write(rollup, locale, out));
    }

    @GetMapping("/assessments/{id}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam(name = "lang", defaultValue = "ja") String lang)
            throws IOException {
        Locale locale = AppI18NProvider.supported(Locale.forLanguageTag(lang));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(id, locale, out);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reports.fileName(id, locale), StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }
}
