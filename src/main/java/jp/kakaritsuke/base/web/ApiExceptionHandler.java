package jp.kakaritsuke.base.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import jp.kakaritsuke.base.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every API error is {@code application/problem+json} (RFC 9457). Framework errors are handled by the base
 * class; our own "not found" carries the resource and its key.
 *
 * <p>Not limited to {@code @RestController}s: an unknown path, a wrong method or content type are refused before any
 * controller is chosen, and an advice tied to controllers would leave them to the servlet's error page (which,
 * behind the security filter, used to come back as an empty 403). Vaadin does not serve {@code /api/**}
 * ({@code vaadin.exclude-urls}), so those requests end here. A detail never carries an unexpected exception's
 * message: unforeseen errors answer 500 with a reference that is logged with the exception.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String LANGUAGE_COOKIE = DownloadLanguage.LANGUAGE_COOKIE;

    /** Stateless: reads the same bundles as the UI. */
    private final jp.kakaritsuke.base.i18n.AppI18NProvider translations = new jp.kakaritsuke.base.i18n.AppI18NProvider();

    /** An editing call without a version (IfMatch): 428, saying what to send. */
    @ExceptionHandler(IfMatch.VersionRequiredException.class)
    ProblemDetail versionRequired(IfMatch.VersionRequiredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
        problem.setTitle("Precondition Required");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not Found");
        problem.setProperty("resource", e.resource());
        problem.setProperty("key", e.key());
        return problem;
    }

    @ExceptionHandler(jp.kakaritsuke.base.InvalidInputException.class)
    ProblemDetail invalid(jp.kakaritsuke.base.InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad Request");
        problem.setProperty("errors", e.messageKeys());
        if (!e.fields().isEmpty()) {
            problem.setProperty("fields", e.fields());
        }
        return problem;
    }

    /**
     * Input refused field by field: {@code errors: [{field, code, message}]}, the message in the caller's language
     * ({@link #locale}), so a client can show it beside its own field without a copy of our translations.
     */
    @ExceptionHandler(jp.kakaritsuke.base.FieldErrors.class)
    ProblemDetail fieldErrors(jp.kakaritsuke.base.FieldErrors e, HttpServletRequest request) {
        java.util.Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some values were refused; nothing was saved. 'errors' names each field.");
        problem.setTitle("Bad Request");
        problem.setProperty("errors", e.errors().stream().map(f -> {
            java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("field", f.field());
            error.put("code", f.messageKey());
            error.put("message", translations.getTranslation(f.messageKey(), locale, f.args().toArray()));
            return error;
        }).toList());
        return problem;
    }

    /**
     * The language of an API answer: the one chosen in the app ({@code kkf-lang} cookie, as the UI uses), else the
     * request's Accept-Language if it asks for English first, else Japanese (the product's language).
     */
    static java.util.Locale locale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie c : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(c.getName())) {
                    return jp.kakaritsuke.base.i18n.AppI18NProvider.supported(java.util.Locale.forLanguageTag(c.getValue()));
                }
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null && !accept.isBlank()) {
            try {
                java.util.Locale best = java.util.Locale.lookup(java.util.Locale.LanguageRange.parse(accept),
                        java.util.List.of(java.util.Locale.JAPANESE, java.util.Locale.ENGLISH));
                return jp.kakaritsuke.base.i18n.AppI18NProvider.supported(best);
            } catch (IllegalArgumentException malformed) {
                return jp.kakaritsuke.base.i18n.AppI18NProvider.JAPANESE;
            }
        }
        return jp.kakaritsuke.base.i18n.AppI18NProvider.JAPANESE;
    }

    /** Our own conflicts say what collided; Hibernate's optimistic-lock message names entities, so it is not shown. */
    @ExceptionHandler(jp.kakaritsuke.base.ConflictException.class)
    ProblemDetail conflict(jp.kakaritsuke.base.ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(org.springframework.dao.OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed by someone else; read it again and retry.");
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "not allowed");
        problem.setTitle("Forbidden");
        return problem;
    }

    /**
     * A value the service could not use. Its message may come from the JDK (an enum's class name, a number format),
     * so the client gets a fixed sentence; our own validation speaks through InvalidInputException instead.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e, HttpServletRequest request) {
        log.debug("Bad API request {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setTitle("Bad Request");
        return problem;
    }

    /**
     * Anything unforeseen: 500 with a reference, the exception only in the log. Outside {@code /api/} (Vaadin's
     * forwarding controller) the exception goes on to the default handling, as before this advice was global.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        String reference = ErrorReference.next();
        log.error("API request {} {} failed, reference {}", request.getMethod(), request.getRequestURI(), reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the reference when reporting it.");
        problem.setTitle("Internal Server Error");
        problem.setProperty("reference", reference);
        return problem;
    }

    /**
     * The base class says only "Failed to read request"; a client needs to know whether the JSON is broken or a
     * field has the wrong type, and where, without Jackson's message (which quotes Java types).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a body without a declared length that grew past the limit while Jackson read it (RequestSizeLimitFilter)
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.RequestBodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                problem.setTitle("Content Too Large");
                problem.setProperty("limit", tooLarge.limit());
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        String detail;
        if (ex.getCause() instanceof StreamReadException parse) {
            detail = "The request body is not valid JSON" + (parse.getLocation() == null ? "."
                    : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ").");
        } else if (ex.getCause() instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            detail = "The request body has an unusable value at '" + mapping.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + "'.";
        } else {
            detail = "The request body is missing or cannot be read as JSON.";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
