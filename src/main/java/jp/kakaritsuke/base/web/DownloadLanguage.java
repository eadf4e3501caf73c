package jp.kakaritsuke.base.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import org.springframework.http.HttpHeaders;

/**
 * The language of a downloaded workbook, one rule for every download: {@code ?lang=}, else the UI's {@code kkf-lang}
 * cookie, else an API client's (bearer token) Accept-Language, else Japanese — so a browser download matches the page
 * it came from, whatever the browser's Accept-Language says.
 */
public final class DownloadLanguage {

    public static final String LANGUAGE_COOKIE = "kkf-lang";

    private DownloadLanguage() {
    }

    public static Locale of(String lang, HttpServletRequest request) {
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
