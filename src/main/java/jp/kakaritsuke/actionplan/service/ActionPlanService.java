package jp.kakaritsuke.actionplan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionItemRepository;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A facility's action plan. Reading needs {@link FacilityScope#INTERNALS} (its viewers and editors, administrators):
 * the plan is not a submitted result, so the association a facility consented to never sees it, not even through
 * the board report. Changing needs {@link FacilityScope#EDIT} and the version the caller last read (a stale one is a
 * {@link ConflictException}). An action of a facility the caller may not read is answered like an unknown one.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ActionPlanService {

    /** Due dates outside this range are typing mistakes (a year 20026), not plans. */
    static final LocalDate EARLIEST_DUE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DUE = LocalDate.of(2100, 12, 31);

    private final ActionItemRepository items;
    private final FacilityAccess access;
    private final CaseLibraryService caseLibrary;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ActionPlanService(ActionItemRepository items, FacilityAccess access, CaseLibraryService caseLibrary,
                             ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.access = access;
        this.caseLibrary = caseLibrary;
        this.events = events;
        this.clock = clock;
    }

    /** Every action of the facility, oldest first. */
    @Transactional(readOnly = true)
    public List<ActionItem> plan(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return items.findByFacilityIdOrderByIdAsc(facilityId);
    }

    /** The actions still 予定 or 実施中: what the next round asks about. */
    @Transactional(readOnly = true)
    public List<ActionItem> openActions(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return items.findByFacilityIdAndStatusInOrderByIdAsc(facilityId, EnumSet.of(ActionStatus.PLANNED, ActionStatus.IN_PROGRESS));
    }

    /** Whether the caller may read the plan (pages shown to a consenting association leave it out). */
    @Transactional(readOnly = true)
    public boolean canRead(long facilityId) {
        return access.allows(facilityId, FacilityScope.INTERNALS);
    }

    /** Whether the caller may change the plan (editors and administrators). */
    @Transactional(readOnly = true)
    public boolean canEdit(long facilityId) {
        return access.allows(facilityId, FacilityScope.EDIT);
    }

    @Transactional(readOnly = true)
    public ActionItem get(long id) {
        return readable(id);
    }

    @Transactional
    public ActionItem add(long facilityId, ActionInput input) {
        CurrentUser user = access.require(facilityId, FacilityScope.EDIT);
        Checked c = check(input);
        ActionItem item = new ActionItem(facilityId, c.roleCode, input.practice(), input.roundId(), clock.instant(), user.username());
        item.change(c.roleCode, input.practice(), c.what, c.who, input.dueDate(),
                input.status() == null ? ActionStatus.PLANNED : input.status(), clock.instant(), user.username());
        ActionItem saved = items.save(item);
        audit(AuditAction.ACTION_ADDED, saved);
        return saved;
    }

    @Transactional
    public ActionItem update(long id, long expectedVersion, ActionInput input) {
        ActionItem item = editable(id, expectedVersion);
        Checked c = check(input);
        item.change(c.roleCode, input.practice(), c.what, c.who, input.dueDate(),
                input.status() == null ? item.getStatus() : input.status(), clock.instant(), username());
        ActionItem saved = items.saveAndFlush(item);
        audit(AuditAction.ACTION_CHANGED, saved);
        return saved;
    }

    /** 完了 / 継続 / 中止 from the next round, or a status change in the plan. */
    @Transactional
    public ActionItem setStatus(long id, long expectedVersion, ActionStatus status) {
        if (status == null) {
            throw new FieldErrors(List.of(new FieldError("status", "actions.error.status", List.of())));
        }
        ActionItem item = editable(id, expectedVersion);
        item.setStatus(status, clock.instant(), username());
        ActionItem saved = items.saveAndFlush(item);
        audit(AuditAction.ACTION_CHANGED, saved);
        return saved;
    }

    /** Removes the action; with a version, only if nobody changed it since ({@code null}: whatever its version). */
    @Transactional
    public void delete(long id, Long expectedVersion) {
        ActionItem item = readable(id);
        access.require(item.getFacilityId(), FacilityScope.EDIT, () -> notFound(id));
        if (expectedVersion != null && expectedVersion != item.getVersion()) {
            throw conflict(id);
        }
        items.delete(item);
        items.flush();
        audit(AuditAction.ACTION_DELETED, item);
    }

    /**
     * The one rule for an action, shared by the dialog and the API: the problems of the input, empty when it may be
     * saved. The dialog calls it to mark fields before sending; the service applies it again on every change.
     */
    public List<FieldError> problems(ActionInput input) {
        List<FieldError> problems = new ArrayList<>();
        CaseLibrary library = caseLibrary.library();
        if (input.roleCode() == null) {
            problems.add(new FieldError("roleCode", "actions.error.role", List.of()));
        }
        String what = normaliseWhat(input.what());
        if (what == null) {
            problems.add(new FieldError("what", "actions.error.whatRequired", List.of()));
        } else {
            if (what.length() > ActionItem.MAX_WHAT) {
                problems.add(new FieldError("what", "actions.error.whatLength", List.of(ActionItem.MAX_WHAT)));
            }
            // line breaks are allowed in the description; TextRules' two rules apply to every line
            if (what.lines().anyMatch(TextRules::startsLikeFormula)) {
                problems.add(new FieldError("what", "actions.error.whatFormula", List.of()));
            }
            if (TextRules.hasInvisibleCharacters(what.replace('\n', ' '))) {
                problems.add(new FieldError("what", "actions.error.whatInvisible", List.of()));
            }
        }
        String who = blankToNull(input.who());
        if (who != null) {
            if (who.length() > ActionItem.MAX_WHO) {
                problems.add(new FieldError("who", "actions.error.whoLength", List.of(ActionItem.MAX_WHO)));
            }
            TextRules.problems("actions.error.who", who).forEach(key -> problems.add(new FieldError("who", key, List.of())));
        }
        if (input.dueDate() != null && (input.dueDate().isBefore(EARLIEST_DUE) || input.dueDate().isAfter(LATEST_DUE))) {
            problems.add(new FieldError("dueDate", "actions.error.dueDate", List.of(EARLIEST_DUE.toString(), LATEST_DUE.toString())));
        }
        SourceReference practice = input.practice();
        if (practice != null && (practice.caseNumber() == null || practice.practiceNumber() == null
                || library.caseStudy(practice.caseNumber()).stream().flatMap(cs -> cs.practices().stream())
                .noneMatch(p -> p.number() == practice.practiceNumber()))) {
            problems.add(new FieldError("practice", "actions.error.practice", List.of()));
        }
        return problems;
    }

    private Checked check(ActionInput input) {
        List<FieldError> problems = problems(input);
        if (!problems.isEmpty()) {
            throw new FieldErrors(problems);
        }
        return new Checked(input.roleCode(), normaliseWhat(input.what()), blankToNull(input.who()));
    }

    private record Checked(RoleCode roleCode, String what, String who) {
    }

    /** Trimmed, Windows line breaks made plain; null when nothing is left. */
    private static String normaliseWhat(String what) {
        String s = blankToNull(what);
        return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private ActionItem readable(long id) {
        ActionItem item = items.findById(id).orElseThrow(() -> notFound(id));
        access.require(item.getFacilityId(), FacilityScope.INTERNALS, () -> notFound(id));
        return item;
    }

    private ActionItem editable(long id, long expectedVersion) {
        ActionItem item = readable(id);
        access.require(item.getFacilityId(), FacilityScope.EDIT, () -> notFound(id));
        if (expectedVersion != item.getVersion()) {
            throw conflict(id);
        }
        return item;
    }

    private String username() {
        return access.currentUser().username();
    }

    private void audit(AuditAction action, ActionItem item) {
        events.publishEvent(AuditEvent.ofFacility(action, item.getFacilityId(), null,
                "action " + item.getId() + " " + item.getRoleCode() + " " + item.getStatus()));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("action", String.valueOf(id));
    }

    private static ConflictException conflict(long id) {
        return new ConflictException("Action " + id + " was changed by someone else; read it again and retry.");
    }
}
