package jp.kakaritsuke.assessment.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerChange;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.AnswerValidator;
import jp.kakaritsuke.assessment.service.ConcurrentEditException;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.SubmitIncompleteException;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.base.web.IfMatch;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Filling in an assessment over the API (docs/api.md): start a round, save one role with its version, confirm a
 * carried-over role unchanged, submit. The same service calls, checks and normalisation as the questionnaire UI.
 * A role's version travels as {@code If-Match: "<version>"} or as {@code version} in the body; the answer carries it
 * back as {@code ETag}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Assessments", description = "Fill in a self-assessment: start, save a role, confirm unchanged, submit")
class AssessmentEditApi {

    private final RoundService rounds;
    private final SubmissionService submissions;

    AssessmentEditApi(RoundService rounds, SubmissionService submissions) {
        this.rounds = rounds;
        this.submissions = submissions;
    }

    /** Starts a round (201) or answers the facility's draft in progress (200). */
    @Operation(summary = "Start a round, or get the draft in progress",
            description = "201 with Location for a new round (pre-filled from the last submission, carried roles"
                    + " unconfirmed), 200 with the existing draft.")
    @PostMapping("/facilities/{facilityId}/assessments")
    ResponseEntity<DraftJson> start(@PathVariable long facilityId) {
        Long before = rounds.draft(facilityId).map(d -> d.id()).orElse(null);
        RoundView round = rounds.startRound(facilityId);
        DraftJson body = DraftJson.of(round);
        if (before != null && before == round.summary().id()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + round.summary().id())).body(body);
    }

    @Operation(summary = "Save one role's answer (and confirm it)",
            description = "The version read goes in If-Match: \"<version>\" or in 'version' (428 without either)."
                    + " Indicators: code -> number, numeric string (normalised like typed input) or choice name."
                    + " 200 with ETag; 409 with 'current' when stale; 400 with errors [{field, code, message}].")
    @PutMapping(path = "/assessments/{id}/roles/{roleCode}", consumes = "application/json")
    ResponseEntity<RoleJson> save(@PathVariable long id, @PathVariable String roleCode,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestBody RoleBody body) {
        long version = version(ifMatch, body.version());
        Map<String, AnswerValue> indicators = new LinkedHashMap<>();
        if (body.indicators() != null) {
            body.indicators().forEach((code, node) -> indicators.put(code, value(node)));
        }
        RoleAnswerView saved = rounds.saveRoleAnswer(id, AnswerValidator.role(roleCode), version,
                new RoleAnswerInput(body.level(), Boolean.TRUE.equals(body.priority()), body.note(), indicators));
        return withETag(saved);
    }

    /** 「変更なし」: the answer carried over from the previous round stands. */
    @Operation(summary = "Confirm a carried-over role unchanged (変更なし)",
            description = "Versioned like a save: If-Match or {\"version\": n}; 409 with 'current' when stale.")
    @PostMapping("/assessments/{id}/roles/{roleCode}/confirm")
    ResponseEntity<RoleJson> confirm(@PathVariable long id, @PathVariable String roleCode,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @RequestBody(required = false) VersionBody body) {
        long version = version(ifMatch, body == null ? null : body.version());
        return withETag(rounds.confirmUnchanged(id, AnswerValidator.role(roleCode), version));
    }

    @Operation(summary = "Submit the draft",
            description = "400 with 'missingLevels' and 'unconfirmed' while a role has no level or is unconfirmed.")
    @PostMapping("/assessments/{id}/submit")
    DraftJson submit(@PathVariable long id) {
        return DraftJson.of(submissions.submit(id));
    }

    /** 409 with the answer as it now stands, so the client can show both and retry with its version. */
    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrentEditException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The role was saved by someone else in the meantime; nothing was written. 'current' is the answer as it"
                        + " now stands, with the version to send back.");
        problem.setTitle("Conflict");
        problem.setProperty("current", RoleJson.of(e.current()));
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(etag(e.current().version())).body(problem);
    }

    @ExceptionHandler(SubmitIncompleteException.class)
    ProblemDetail incomplete(SubmitIncompleteException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The assessment cannot be submitted yet: every role needs a level, and every role carried over from the"
                        + " previous round needs a confirmation or a change.");
        problem.setTitle("Bad Request");
        problem.setProperty("missingLevels", e.missingRoleCodes());
        problem.setProperty("unconfirmed", e.unconfirmedRoleCodes());
        return problem;
    }


    /** The version from {@code If-Match} ("3", W/"3" or 3) or the body; both given must agree. */
    static long version(String ifMatch, Long bodyVersion) {
        return IfMatch.version(ifMatch, bodyVersion, "assessment.error.version",
                "Send the role's version as If-Match: \"<version>\" or as 'version' in the body.");
    }

    /**
     * A JSON number is taken as it is; a string is a choice when it names one ("YES", "UNKNOWN"), otherwise a number
     * as typed, read by the service with NumberInput (「１２」, "1,200"). null leaves the indicator unanswered.
     */
    static AnswerValue value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return AnswerValue.of(node.decimalValue());
        }
        String text = node.isString() ? node.asString() : node.toString();
        for (Choice c : Choice.values()) {
            if (c.name().equals(text)) {
                return AnswerValue.of(c);
            }
        }
        return AnswerValue.typed(text);
    }

    private static ResponseEntity<RoleJson> withETag(RoleAnswerView view) {
        return ResponseEntity.ok().eTag(etag(view.version())).body(RoleJson.of(view));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }


    /** A role's answer: the whole role at once. {@code indicators}: code → number, numeric string or choice name. */
    record RoleBody(Integer level, Boolean priority, String note, Map<String, JsonNode> indicators, Long version) {
    }

    record VersionBody(Long version) {
    }

    record PreviousJson(Integer level, boolean priority, String note, Map<String, Object> indicators) {
    }

    record RoleJson(RoleCode role, Integer level, boolean priority, String note, Map<String, Object> indicators,
                    long version, boolean confirmed, Integer score, String updatedAt, String updatedBy,
                    PreviousJson previous) {
        static RoleJson of(RoleAnswerView a) {
            RoleAnswerView p = a.previous();
            return new RoleJson(a.roleCode(), a.level(), a.priority(), a.note(), indicators(a), a.version(), a.confirmed(),
                    a.score(), a.updatedAt() == null ? null : a.updatedAt().toString(), a.updatedBy(),
                    p == null ? null : new PreviousJson(p.level(), p.priority(), p.note(), indicators(p)));
        }

        static Map<String, Object> indicators(RoleAnswerView a) {
            Map<String, Object> out = new LinkedHashMap<>();
            a.indicators().forEach((code, v) -> {
                BigDecimal n = v.number();
                out.put(code, n != null ? new BigDecimal(NumberInput.format(n)) : v.choice().name());
            });
            return out;
        }
    }

    record ChangeJson(RoleCode role, String field, String before, String after) {
        static ChangeJson of(AnswerChange c) {
            return new ChangeJson(c.roleCode(), c.field(), c.before(), c.after());
        }
    }

    record DraftJson(AssessmentApi.RoundJson round, List<RoleJson> answers, List<RoleCode> missingLevels,
                     List<RoleCode> unconfirmed, List<ChangeJson> changes) {
        static DraftJson of(RoundView r) {
            return new DraftJson(AssessmentApi.RoundJson.of(r.summary()), r.answers().stream().map(RoleJson::of).toList(),
                    r.missingLevels(), r.unconfirmed(), new ArrayList<>(r.changes().stream().map(ChangeJson::of).toList()));
        }
    }
}
