package jp.kakaritsuke.functionreport.api;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
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
    /** The cookie the UI's language switch sets (base.i18n.LocaleInitializer). */
    static final String LANGUAGE_COOKIE = "kkf-lang";

    private final PreparationWorkbookService workbooks;

    PreparationWorkbookApi(PreparationWorkbookService workbooks) {
        this.workbooks = workbooks;
    }

    @GetMapping("/facilities/{id}/report-preparations/{year}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable long id, @PathVariable int year,
                                    @RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
        byte[] body = workbooks.workbook(id, year, locale(lang, request));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(workbooks.fileName(id, year), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * The reports' rule for a download's language, copied from {@code reports.api.ReportApi#locale} (this module may
     * not depend on {@code reports}, which depends on it): {@code ?lang=}, else the UI's cookie, else an API client's
     * (bearer token) Accept-Language, else Japanese — a browser download matches the page it came from.
     */
    static Locale locale(String lang, HttpServletRequest request) {
        if (lang != null && !lang.isBlank()) {
            return AppI18NProvider.supported(Locale.forLanguageTag(lang));
        }
        if (request.getCookies() != null) {
            var chosen = Arrays.stream(request.getCookies()).filter(c -> LANGUAGE_COOKIE.equals(c.getName()))
                    .map(Cookie::getValue).findFirst();
            if (chosen.isPresent()) {
                return AppI18NProvider.supported(Locale.forLanguageTag(chosen.get()));
            }
        }
        boolean apiClient = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        return apiClient && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                ? AppI18NProvider.supported(request.getLocale()) : AppI18NProvider.JAPANESE;
    }
}
