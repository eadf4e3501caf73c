package jp.kakaritsuke.audit.api;

import java.time.Instant;
import java.util.List;
import jp.kakaritsuke.audit.domain.AuditQuery;
import jp.kakaritsuke.audit.domain.AuditRecord;
import jp.kakaritsuke.audit.service.AuditService;
import jp.kakaritsuke.base.AuditAction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit-events}: the audit log for API clients, filtered and paged (docs/api.md). The service decides
 * who reads what; a caller who may read none gets 403, a bad filter or page 400 (problem+json).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class AuditApi {

    private final AuditService audit;

    AuditApi(AuditService audit) {
        this.audit = audit;
    }

    record Event(long id, Instant occurredAt, AuditAction action, String actor, String subject, Long facilityId,
                 Long associationId, String remoteAddress, String detail) {
        static Event of(AuditRecord r) {
            return new Event(r.id(), r.occurredAt(), r.action(), r.actor(), r.subject(), r.facilityId(), r.associationId(),
                    r.remoteAddress(), r.detail());
        }
    }

    record EventPage(List<Event> items, int page, int size, long total) {
    }

    @GetMapping("/audit-events")
    EventPage events(@RequestParam(required = false) AuditAction action,
                     @RequestParam(required = false) String actor,
                     @RequestParam(required = false) Long facilityId,
                     @RequestParam(required = false) Long associationId,
                     @RequestParam(required = false) Instant from,
                     @RequestParam(required = false) Instant to,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "" + AuditService.DEFAULT_PAGE_SIZE) int size) {
        AuditService.Page result = audit.page(new AuditQuery(action, actor, facilityId, associationId, from, to), page, size);
        return new EventPage(result.items().stream().map(Event::of).toList(), result.page(), result.size(), result.total());
    }
}
