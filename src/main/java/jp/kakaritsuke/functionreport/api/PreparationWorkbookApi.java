package jp.kakaritsuke.functionreport.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.kakaritsuke.base.web.DownloadLanguage;
import jp.kakaritsuke.functionreport.service.PreparationWorkbookService;
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
 * {@code GET /api/v1/facilities/{id}/report-preparations/{year}.xlsx}: the preparation workbook (docs/api.md), also the
 * page's download link (same session). The literal {@code .xlsx} makes this pattern more specific than the JSON
 * preparation's {@code …/{year}}, so Spring picks this one for the file. Built in memory, so a refusal is still a
 * problem+json answer (404 for a facility the caller may not see, as for the JSON).
 */
@RestController
@RequestMapping("/api/v1")
class PreparationWorkbookApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PreparationWorkbookService workbooks;

    PreparationWorkbookApi(PreparationWorkbookService workbooks) {
        this.workbooks = workbooks;
    }

    @GetMapping("/facilities/{id}/report-preparations/{year}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable long id, @PathVariable int year,
                                    @RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
        byte[] body = workbooks.workbook(id, year, DownloadLanguage.of(lang, request));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(workbooks.fileName(id, year), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
