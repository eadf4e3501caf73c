package jp.kakaritsuke.actionplan.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionInput;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A facility's action plan over the API (docs/api.md): the same service, so the same rules as the pages — its people
 * read, its editors change, everybody else gets 404. A change carries the version last read ({@code If-Match} or a
 * {@code version} field); a stale one answers 409. Refused input answers 400 with one entry per field.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ActionPlanApi {

    private final ActionPlanService plans;

    ActionPlanApi(ActionPlanService plans) {
        this.plans = plans;
    }

    /** The facility's plan, oldest first; {@code ?open=true} only the actions still planned or in progress. */
    @GetMapping("/facilities/{facilityId}/actions")
    List<ActionJson> list(@PathVariable long facilityId,
                          @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean open) {
        return (open ? plans.openActions(facilityId) : plans.plan(facilityId)).stream().map(ActionJson::of).toList();
    }

    @PostMapping(path = "/facilities/{facilityId}/actions", consumes = "application/json")
    ResponseEntity<ActionJson> add(@PathVariable long facilityId, @RequestBody ActionRequest request) {
        ActionItem item = plans.add(facilityId, request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/actions/" + item.getId()))
                .eTag(etag(item)).body(ActionJson.of(item));
    }

    @GetMapping("/actions/{id}")
    ResponseEntity<ActionJson> get(@PathVariable long id) {
        ActionItem item = plans.get(id);
        return ResponseEntity.ok().eTag(etag(item)).body(ActionJson.of(item));
    }

    /** Replaces the action's fields; {@code status} left out keeps the current one. */
    @PutMapping(path = "/actions/{id}", consumes = "application/json")
    ResponseEntity<ActionJson> update(@PathVariable long id, @RequestBody ActionRequest request,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = requireVersion(ifMatch, request.version());
        ActionItem item = plans.update(id, version, request.toInput());
        return ResponseEntity.ok().eTag(etag(item)).body(ActionJson.of(item));
    }

    /** Deletes the action; with {@code If-Match}, only if it is still that version. */
    @DeleteMapping("/actions/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        plans.delete(id, ifMatch == null ? null : parseVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static long requireVersion(String ifMatch, Long version) {
        if (ifMatch != null) {
            return parseVersion(ifMatch);
        }
        if (version == null) {
            throw new FieldErrors(List.of(new FieldError("version", "actions.error.version", List.of())));
        }
        return version;
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}: the ETag this API hands out is the quoted version. */
    private static long parseVersion(String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new FieldErrors(List.of(new FieldError("If-Match", "actions.error.version", List.of())));
        }
    }

    private static String etag(ActionItem item) {
        return "\"" + item.getVersion() + "\"";
    }

    /** {@code {"case": "17", "practice": 1}} = 事例17 ①; {@code label} is the short form for display. */
    record PracticeJson(@JsonProperty("case") String caseNumber, Integer practice, String label) {
    }

    /**
     * What a client sends. Dates and statuses are read here rather than by Jackson, so that a wrong one is reported
     * on its field like every other refusal.
     */
    record ActionRequest(String roleCode, PracticeJson practice, String what, String who, String dueDate, String status,
                         Long version) {

        ActionInput toInput() {
            List<FieldError> problems = new ArrayList<>();
            LocalDate due = null;
            if (dueDate != null && !dueDate.isBlank()) {
                try {
                    due = LocalDate.parse(dueDate.strip());
                } catch (DateTimeParseException e) {
                    problems.add(new FieldError("dueDate", "actions.error.dueDateFormat", List.of()));
                }
            }
            ActionStatus parsedStatus = null;
            if (status != null) {
                try {
                    parsedStatus = ActionStatus.valueOf(status.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldError("status", "actions.error.status", List.of()));
                }
            }
            if (!problems.isEmpty()) {
                throw new FieldErrors(problems);
            }
            SourceReference ref = practice == null ? null : new SourceReference(practice.caseNumber(), practice.practice());
            // an unknown role is refused by the service's one rule, on its field like a missing one
            return new ActionInput(roleCode == null ? null : RoleCode.parse(roleCode.strip()).orElse(null), ref, null, what,
                    who, due, parsedStatus);
        }
    }

    record ActionJson(long id, long facilityId, RoleCode roleCode, PracticeJson practice, Long roundId, String what,
                      String who, String dueDate, String status, boolean open, String createdAt, String createdBy,
                      String updatedAt, String updatedBy, long version) {

        static ActionJson of(ActionItem i) {
            SourceReference p = i.getPractice();
            return new ActionJson(i.getId(), i.getFacilityId(), i.getRoleCode(),
                    p == null ? null : new PracticeJson(p.caseNumber(), p.practiceNumber(), p.shortJa()), i.getRoundId(),
                    i.getWhat(), i.getWho(), i.getDueDate() == null ? null : i.getDueDate().toString(), i.getStatus().name(),
                    i.getStatus().isOpen(), i.getCreatedAt().toString(), i.getCreatedBy(), i.getUpdatedAt().toString(),
                    i.getUpdatedBy(), i.getVersion());
        }
    }
}
