package jp.kakaritsuke.functionreport.api;

import jp.kakaritsuke.base.web.IfMatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.PreparationView;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A facility's report preparation over the API (docs/api.md): the same service calls and the same one rule for
 * answers as the page. The conventions are the assessment API's: the version travels as {@code If-Match: "<version>"}
 * or as {@code version} in the body (neither: 428; both, disagreeing: 400), the answer carries it back as
 * {@code ETag}; a stale version answers 409 with {@code current}, the preparation as it now stands; refused answers
 * answer 400 with {@code errors[{field, code, message}]}, the field being the item code.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Report preparations", description = "Prepare the yearly かかりつけ医機能報告: read, answer, confirm, submit, reopen")
class ReportPreparationApi {

    private final ReportPreparationService preparations;

    ReportPreparationApi(ReportPreparationService preparations) {
        this.preparations = preparations;
    }

    @Operation(summary = "The facility's preparation for a report year",
            description = "Every item of the edition in the report's order, with its answer (origin, confirmed,"
                    + " prefilledFrom), the 1号 check, the 2号 functions the answers show, what is unconfirmed. A year"
                    + " not started answers started=false and version 0. ETag: the version.")
    @GetMapping("/facilities/{facilityId}/report-preparations/{year}")
    ResponseEntity<PreparationJson> get(@PathVariable long facilityId, @PathVariable int year) {
        return withETag(preparations.view(facilityId, year));
    }

    @Operation(summary = "Answer items and confirm carried / pre-filled answers",
            description = "Body {\"answers\": {\"NO2A.ROTA\": {\"choices\": [3]}, \"NO1.GP_SPECIALIST_FTE\": {\"number\": \"1.5\"},"
                    + " \"NO2A.PARTNERS\": {\"names\": [\"…\"]}, \"NO2A.NOTES\": {\"text\": \"…\"}}, \"confirm\": [\"NO2D.OPINION_LETTER\"]}."
                    + " An item given null or all-empty is cleared. If-Match (or 'version') required: 428 without."
                    + " A year not started is started first (If-Match \"0\"): 201 with Location. 200 with ETag;"
                    + " 409 with 'current' when stale; 400 with errors [{field: item code, code, message}].")
    @PutMapping(path = "/facilities/{facilityId}/report-preparations/{year}", consumes = "application/json")
    ResponseEntity<PreparationJson> put(@PathVariable long facilityId, @PathVariable int year,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestBody ChangeBody body) {
        long version = version(ifMatch, body.version());
        Map<String, AnswerInput> answers = new LinkedHashMap<>();
        if (body.answers() != null) {
            List<FieldError> problems = new ArrayList<>();
            body.answers().forEach((code, a) -> {
                if (a != null && a.choices() != null && a.choices().contains(null)) {
                    problems.add(FieldError.of(code, "functionreport.error.choice", "null"));
                }
                answers.put(code, a == null ? new AnswerInput(null, null, null, null) : a.toInput());
            });
            if (!problems.isEmpty()) {
                throw new FieldErrors(problems);
            }
        }
        boolean started = preparations.view(facilityId, year).started();
        PreparationView view = guarded(facilityId, year, () -> preparations.change(facilityId, year, version, answers,
                body.confirm() == null ? List.of() : body.confirm()));
        if (!started) {
            return ResponseEntity.created(URI.create("/api/v1/facilities/" + facilityId + "/report-preparations/" + year))
                    .eTag(etag(view.version())).body(PreparationJson.of(view));
        }
        return withETag(view);
    }

    @Operation(summary = "Submit the preparation",
            description = "If-Match or {\"version\": n}. 400 with one error per unconfirmed item (field = item code)"
                    + " while carried or pre-filled answers are unconfirmed. Read-only until reopened.")
    @PostMapping("/facilities/{facilityId}/report-preparations/{year}/submit")
    ResponseEntity<PreparationJson> submit(@PathVariable long facilityId, @PathVariable int year,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestBody(required = false) VersionBody body) {
        long version = version(ifMatch, body == null ? null : body.version());
        return withETag(guarded(facilityId, year, () -> preparations.submit(facilityId, year, version)));
    }

    @Operation(summary = "Reopen a submitted preparation (a correction before the deadline)",
            description = "If-Match or {\"version\": n}; 400 (field 'status') when it is not submitted.")
    @PostMapping("/facilities/{facilityId}/report-preparations/{year}/reopen")
    ResponseEntity<PreparationJson> reopen(@PathVariable long facilityId, @PathVariable int year,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestBody(required = false) VersionBody body) {
        long version = version(ifMatch, body == null ? null : body.version());
        return withETag(guarded(facilityId, year, () -> preparations.reopen(facilityId, year, version)));
    }

    /** A stale version: 409 with the preparation as it now stands (read after the refused change rolled back). */
    private PreparationView guarded(long facilityId, int year, java.util.function.Supplier<PreparationView> change) {
        try {
            return change.get();
        } catch (ConflictException e) {
            throw new StaleVersionException(e.getMessage(), preparations.view(facilityId, year));
        }
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> conflict(StaleVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The preparation was changed by someone else in the meantime; nothing was written. 'current' is the"
                        + " preparation as it now stands, with the version to send back.");
        problem.setTitle("Conflict");
        problem.setProperty("current", PreparationJson.of(e.current));
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(etag(e.current.version())).body(problem);
    }


    /** The version from {@code If-Match} ("3", W/"3" or 3) or the body; both given must agree (as the assessment API). */
    static long version(String ifMatch, Long bodyVersion) {
        return IfMatch.version(ifMatch, bodyVersion, "functionreport.error.version",
                "Send the preparation's version as If-Match: \"<version>\" (the ETag of the GET) or as 'version' in the body.");
    }

    private static ResponseEntity<PreparationJson> withETag(PreparationView view) {
        return ResponseEntity.ok().eTag(etag(view.version())).body(PreparationJson.of(view));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }


    static final class StaleVersionException extends RuntimeException {
        final transient PreparationView current;

        StaleVersionException(String message, PreparationView current) {
            super(message);
            this.current = current;
        }
    }

    /** {@code answers}: item code → answer (null clears it); {@code confirm}: item codes to confirm unchanged. */
    record ChangeBody(Map<String, AnswerBody> answers, List<String> confirm, Long version) {
    }

    /**
     * One item's answer: {@code choices} (the report's codes), {@code number} (a JSON number or a string as typed,
     * read like typed input: 「１．５」), {@code text}, {@code names}.
     */
    record AnswerBody(List<Integer> choices, JsonNode number, String text, List<String> names) {
        AnswerInput toInput() {
            String typed = number == null || number.isNull() ? null
                    : number.isNumber() ? number.decimalValue().toPlainString()
                    : number.isString() ? number.asString() : number.toString();
            // a null in a list is no answer (JSON [null]); a null choice is refused by the caller first
            return new AnswerInput(choices == null ? null : choices.stream().filter(java.util.Objects::nonNull).toList(),
                    typed, text, names == null ? null : names.stream().filter(java.util.Objects::nonNull).toList());
        }
    }

    record VersionBody(Long version) {
    }

    record AnswerJson(List<Integer> choices, BigDecimal number, String text, List<String> names) {
        static AnswerJson of(PreparationAnswer a) {
            return new AnswerJson(a.choices(), a.number() == null ? null : new BigDecimal(NumberInput.format(a.number())),
                    a.text(), a.names());
        }
    }

    /** One item with its answer ({@code answer} null: unanswered; {@code asked} false: its controlling choice is not given). */
    record ItemJson(String code, ReportFunction function, String itemNo, String type, boolean requiredForNo1, boolean asked,
                    AnswerJson answer, String origin, Boolean confirmed, String prefilledFrom) {
    }

    record No1Json(boolean met, List<String> missing, List<String> unanswered) {
        static No1Json of(No1Check c) {
            return new No1Json(c.met(), c.missing(), c.unanswered());
        }
    }

    record PreparationJson(long facilityId, String facilityName, int reportYear, int editionYear, boolean started,
                           String status, long version, Integer carriedFromYear, List<ItemJson> items, No1Json no1,
                           List<ReportFunction> functionsProvided, List<String> unconfirmed, String updatedAt,
                           String updatedBy, String submittedAt, String submittedBy, boolean canEdit) {

        static PreparationJson of(PreparationView v) {
            List<ItemJson> items = new ArrayList<>();
            for (ReportItem item : v.edition().items()) {
                PreparationAnswer a = v.answers().get(item.code());
                items.add(new ItemJson(item.code(), item.function(), item.itemNo(), item.type().name(), item.requiredForNo1(),
                        No1Check.asked(item, v.answers()), a == null ? null : AnswerJson.of(a),
                        a == null ? null : a.origin().name(), a == null ? null : a.confirmed(),
                        v.prefilledFrom().get(item.code())));
            }
            return new PreparationJson(v.facilityId(), v.facilityName(), v.reportYear(), v.edition().year(), v.started(),
                    v.status() == null ? null : v.status().name(), v.version(), v.carriedFromYear(), items,
                    No1Json.of(v.no1()), List.copyOf(v.functionsProvided()), v.unconfirmed(),
                    v.updatedAt() == null ? null : v.updatedAt().toString(), v.updatedBy(),
                    v.submittedAt() == null ? null : v.submittedAt().toString(), v.submittedBy(), v.canEdit());
        }
    }
}
