package jp.kakaritsuke.functionreport.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.Japan;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.FunctionsProvided;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PrefillRule;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.domain.ReportPreparation;
import jp.kakaritsuke.functionreport.domain.ReportPreparationRepository;
import jp.kakaritsuke.functionreport.service.PreparationAnswerValidator.Checked;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A facility's preparation of its かかりつけ医機能報告, one per report year. Reading needs {@code FacilityScope.INTERNALS}
 * (the facility's own people; a consenting association sees only the counts of its rollup), changing needs
 * {@code EDIT} and the version last read (a stale one is a {@code ConflictException}); bad answers are
 * {@code FieldErrors} keyed by item code, and nothing of the request is stored then. Facilities of type ASSOCIATION do
 * not report: asking for theirs is a {@code FieldErrors} on "facility". Every change is one transaction.
 * <p>
 * Rules decided here (docs/report-preparation.md, "The preparation"): a preparation may be started for {@link #currentReportYear()}
 * and the year before (a season just closed can still be recorded); saving into a year not started starts it first;
 * last year's answers are carried unconfirmed, then the self-assessment pre-fills the items of its
 * {@link PrefillRule}s, winning over a carried answer only when it was submitted after the carried preparation was
 * last changed (the newer fact wins); a submitted preparation is read-only until reopened.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReportPreparationService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final int MAX_PREFILLED_FROM = 300;

    private final ReportPreparationRepository preparations;
    private final ReportEditionService editions;
    private final FacilityAccess access;
    private final FacilityService facilities;
    private final ObjectProvider<SelfAssessmentAnswers> selfAssessment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ReportPreparationService(ReportPreparationRepository preparations, ReportEditionService editions,
                                    FacilityAccess access, FacilityService facilities,
                                    ObjectProvider<SelfAssessmentAnswers> selfAssessment,
                                    ApplicationEventPublisher events, Clock clock) {
        this.preparations = preparations;
        this.editions = editions;
        this.access = access;
        this.facilities = facilities;
        this.selfAssessment = selfAssessment;
        this.events = events;
        this.clock = clock;
    }

    /** The report year being prepared on the clock's date: the January–March season ahead (or under way). */
    @Anyone("the report year on the clock's date; reads nothing")
    public int currentReportYear() {
        return reportYearOn(LocalDate.now(clock.withZone(Japan.ZONE)));
    }

    /**
     * January–March of Y: the season under way, Y. April–December: the next season, Y+1 (requests come from about
     * November; the report of Y+1 covers mostly the calendar year Y that is running).
     */
    public static int reportYearOn(LocalDate day) {
        return day.getMonthValue() <= 3 ? day.getYear() : day.getYear() + 1;
    }

    @Transactional(readOnly = true)
    public PreparationView view(long facilityId, int reportYear) {
        access.require(facilityId, FacilityScope.INTERNALS);
        FacilityProfile facility = reporting(facilityId);
        Optional<ReportPreparation> preparation = preparations.findByFacilityIdAndReportYear(facilityId, reportYear);
        if (preparation.isPresent()) {
            return view(facility, preparation.get());
        }
        ReportEdition edition = edition(reportYear);
        Map<String, PreparationAnswer> none = Map.of();
        return new PreparationView(facilityId, facility.name(), reportYear, edition, null, null, 0, none, Map.of(), null,
                List.of(), No1Check.evaluate(edition, none), FunctionsProvided.of(edition, none), null, null, null, null,
                access.allows(facilityId, FacilityScope.EDIT));
    }

    /**
     * Starts the year's preparation: last year's answers carried (unconfirmed), then same-question pre-fills. Returns
     * the preparation as it stands if it was started already.
     */
    @Transactional
    public PreparationView start(long facilityId, int reportYear) {
        CurrentUser user = access.require(facilityId, FacilityScope.EDIT);
        FacilityProfile facility = reporting(facilityId);
        Optional<ReportPreparation> existing = preparations.findByFacilityIdAndReportYear(facilityId, reportYear);
        if (existing.isPresent()) {
            return view(facility, existing.get());
        }
        return view(facility, create(facilityId, reportYear, user));
    }

    /** Saves the given items (each becomes ENTERED and confirmed); an all-empty input clears the item. */
    @Transactional
    public PreparationView save(long facilityId, int reportYear, long expectedVersion, Map<String, AnswerInput> answers) {
        return change(facilityId, reportYear, expectedVersion, answers, List.of());
    }

    /**
     * {@link #save} and {@link #confirm} in one transaction (the API's PUT): the answers are checked and applied,
     * then the listed carried / pre-filled answers confirmed unchanged; a problem with either stores nothing. Saving
     * into a year not started starts it first (with the version 0 a not-started view shows), so the page and the API
     * need no separate start call.
     */
    @Transactional
    public PreparationView change(long facilityId, int reportYear, long expectedVersion, Map<String, AnswerInput> answers,
                                  Collection<String> confirm) {
        CurrentUser user = access.require(facilityId, FacilityScope.EDIT);
        FacilityProfile facility = reporting(facilityId);
        ReportPreparation p = preparations.findByFacilityIdAndReportYear(facilityId, reportYear)
                .orElseGet(() -> create(facilityId, reportYear, user));
        editable(p, expectedVersion);
        ReportEdition edition = edition(p);
        Map<String, Checked> checked = PreparationAnswerValidator.check(edition, p.answers(), answers);
        checked.forEach((code, c) -> p.put(code, c.choices(), c.number(), c.text(), c.names(), AnswerOrigin.ENTERED, true, null));
        // an answer whose controlling choice was just taken away no longer means anything (常勤換算 after 無し)
        PreparationAnswerValidator.unasked(edition, p.answers()).forEach(p::remove);
        confirmAll(edition, p, confirm);
        return changed(facility, p, edition, user);
    }

    /** Confirms carried / pre-filled answers unchanged. */
    @Transactional
    public PreparationView confirm(long facilityId, int reportYear, long expectedVersion, Collection<String> itemCodes) {
        CurrentUser user = access.require(facilityId, FacilityScope.EDIT);
        FacilityProfile facility = reporting(facilityId);
        ReportPreparation p = existing(facilityId, reportYear);
        editable(p, expectedVersion);
        ReportEdition edition = edition(p);
        confirmAll(edition, p, itemCodes);
        return changed(facility, p, edition, user);
    }

    private static void confirmAll(ReportEdition edition, ReportPreparation p, Collection<String> itemCodes) {
        List<FieldError> problems = new java.util.ArrayList<>();
        Map<String, PreparationAnswer> answers = p.answers();
        for (String code : new LinkedHashSet<>(itemCodes)) {
            if (code == null || edition.item(code).isEmpty()) {
                problems.add(FieldError.of(String.valueOf(code), "functionreport.error.unknownItem", String.valueOf(code)));
            } else if (!answers.containsKey(code)) {
                problems.add(FieldError.of(code, "functionreport.error.nothingToConfirm", code));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldErrors(problems);
        }
        itemCodes.forEach(p::confirm);
    }

    /** Marks the preparation done; refused while a carried or pre-filled answer is unconfirmed. */
    @Transactional
    public PreparationView submit(long facilityId, int reportYear, long expectedVersion) {
        CurrentUser user = access.require(facilityId, FacilityScope.EDIT);
        FacilityProfile facility = reporting(facilityId);
        ReportPreparation p = existing(facilityId, reportYear);
        editable(p, expectedVersion);
        ReportEdition edition = edition(p);
        List<String> unconfirmed = unconfirmed(edition, p.answers());
        if (!unconfirmed.isEmpty()) {
            throw new FieldErrors(unconfirmed.stream()
                    .map(code -> FieldError.of(code, "functionreport.error.unconfirmed", code)).toList());
        }
        Instant now = clock.instant();
        p.submit(user.username(), now);
        PreparationView view = changed(facility, p, edition, user);
        events.publishEvent(AuditEvent.ofFacility(AuditAction.PREPARATION_SUBMITTED, facilityId, null,
                "report " + reportYear + " edition " + p.getEditionYear() + (p.isNo1Met() ? " 1号 met" : " 1号 not met")));
        return view;
    }

    /** Back to draft after submission (a correction before the deadline). */
    @Transactional
    public PreparationView reopen(long facilityId, int reportYear, long expectedVersion) {
        CurrentUser user = access.require(facilityId, FacilityScope.EDIT);
        FacilityProfile facility = reporting(facilityId);
        ReportPreparation p = existing(facilityId, reportYear);
        if (p.getVersion() != expectedVersion) {
            throw conflict(reportYear);
        }
        if (p.isDraft()) {
            throw new FieldErrors(List.of(FieldError.of("status", "functionreport.error.notSubmitted")));
        }
        p.reopen(user.username(), clock.instant());
        PreparationView view = changed(facility, p, edition(p), user);
        events.publishEvent(AuditEvent.ofFacility(AuditAction.PREPARATION_REOPENED, facilityId, null, "report " + reportYear));
        return view;
    }

    /** The facility's preparations, newest year first (none for an association: it does not report). */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return preparations.findByFacilityIdOrderByReportYearDesc(facilityId).stream()
                .map(p -> new HistoryEntry(p.getReportYear(), p.getEditionYear(), p.getStatus(), p.getUpdatedAt(),
                        p.getSubmittedAt(), p.isNo1Met())).toList();
    }

    /** Whether the caller may change the facility's preparations (its editors and administrators; never an association). */
    @Transactional(readOnly = true)
    public boolean canEdit(long facilityId) {
        // allows() first: the facility's basics are not to be read by someone who may not edit it
        return access.allows(facilityId, FacilityScope.EDIT) && facilities.get(facilityId).type() != FacilityKind.ASSOCIATION;
    }

    public record HistoryEntry(int reportYear, int editionYear, PreparationStatus status, java.time.Instant updatedAt,
                               java.time.Instant submittedAt, boolean no1Met) {
    }

    // --- starting --------------------------------------------------------------------------------------------------

    private ReportPreparation create(long facilityId, int reportYear, CurrentUser user) {
        int current = currentReportYear();
        if (reportYear != current && reportYear != current - 1) {
            throw new FieldErrors(List.of(FieldError.of("reportYear", "functionreport.error.year",
                    String.valueOf(reportYear), String.valueOf(current - 1), String.valueOf(current))));
        }
        ReportEdition edition = edition(reportYear);
        Optional<ReportPreparation> source = carrySource(facilityId, reportYear);
        Instant now = clock.instant();
        ReportPreparation p = new ReportPreparation(facilityId, reportYear, edition.year(),
                source.map(ReportPreparation::getReportYear).orElse(null), user.username(), now);
        source.ifPresent(s -> carry(edition, s, p));
        selfAssessment.ifAvailable(port -> port.latestSubmitted(facilityId)
                .ifPresent(submission -> prefill(edition, submission, source.orElse(null), p)));
        PreparationAnswerValidator.unasked(edition, p.answers()).forEach(p::remove);
        p.touched(No1Check.evaluate(edition, confirmedOnly(p.answers())).met(), user.username(), now);
        ReportPreparation saved;
        try {
            saved = preparations.saveAndFlush(p);
        } catch (org.springframework.dao.DataIntegrityViolationException twoStarts) {
            // two editors starting the same year at once: the unique key lets one through, the other reads it again
            throw conflict(reportYear);
        }
        events.publishEvent(AuditEvent.ofFacility(AuditAction.PREPARATION_STARTED, facilityId, null,
                "report " + reportYear + " edition " + edition.year()
                        + (source.isPresent() ? " carried from " + source.get().getReportYear() : "")));
        return saved;
    }

    /** The latest earlier year's preparation that was submitted; if none was, the latest earlier one. */
    private Optional<ReportPreparation> carrySource(long facilityId, int reportYear) {
        List<ReportPreparation> earlier = preparations.findByFacilityIdOrderByReportYearDesc(facilityId).stream()
                .filter(p -> p.getReportYear() < reportYear).toList();
        return earlier.stream().filter(p -> p.getStatus() == PreparationStatus.SUBMITTED).findFirst()
                .or(() -> earlier.stream().findFirst());
    }

    /** Last year's answers to items this edition still asks under the same code, while still valid answers to them. */
    private static void carry(ReportEdition edition, ReportPreparation source, ReportPreparation target) {
        source.answers().forEach((code, answer) -> edition.item(code)
                .filter(item -> PreparationAnswerValidator.stillValid(item, answer))
                .ifPresent(item -> target.put(code, answer.choices(), answer.number(), answer.text(), answer.names(),
                        AnswerOrigin.CARRIED, false, null)));
    }

    /**
     * The items whose {@link PrefillRule} asks the same question in the submission's questionnaire version, answered
     * there with a mapped choice. Over a carried answer only when the self-assessment is the newer fact.
     */
    private static void prefill(ReportEdition edition, SelfAssessmentAnswers.Submission submission,
                                ReportPreparation carriedFrom, ReportPreparation target) {
        Instant carriedAt = carriedFrom == null ? null
                : carriedFrom.getSubmittedAt() != null ? carriedFrom.getSubmittedAt() : carriedFrom.getUpdatedAt();
        Map<String, PreparationAnswer> now = target.answers();
        for (PrefillRule rule : edition.prefills()) {
            if (rule.questionnaireVersion() != submission.questionnaireVersion()) {
                continue;
            }
            Optional<ReportItem> item = edition.item(rule.itemCode());
            String given = submission.choices().get(rule.indicatorCode());
            Integer code = given == null ? null : rule.choiceMap().get(given);
            if (item.isEmpty() || code == null || item.get().choice(code).isEmpty()) {
                continue; // unanswered, 不明 / 該当なし (not mapped), or a rule that no longer fits the item
            }
            PreparationAnswer carried = now.get(rule.itemCode());
            if (carried != null && carriedAt != null && !submission.submittedAt().isAfter(carriedAt)) {
                continue; // last year's report is newer than the self-assessment: keep it
            }
            List<Integer> choices = List.of(code);
            if (!PreparationAnswerValidator.stillValid(item.get(),
                    new PreparationAnswer(rule.itemCode(), choices, null, null, null, AnswerOrigin.PREFILLED, false))) {
                continue;
            }
            target.put(rule.itemCode(), choices, null, null, null, AnswerOrigin.PREFILLED, false,
                    prefilledFrom(submission, rule, item.get(), target.getReportYear()));
        }
    }

    /**
     * e.g. 「自己評価 2026-11-20 提出 / 主治医意見書の作成」: the date in Japan, the rule's note when it has one. A
     * self-assessment's 前年 / 前年度 counts from the day it was answered, the report's from its report year: when the two
     * periods differ (a round submitted in November answers about the year before the one the coming report asks),
     * both are named, so whoever confirms it sees that the answer is about another period.
     */
    static String prefilledFrom(SelfAssessmentAnswers.Submission submission, PrefillRule rule, ReportItem item, int reportYear) {
        LocalDate day = submission.submittedAt().atZone(Japan.ZONE).toLocalDate();
        String text = "自己評価 " + DAY.format(day) + " 提出";
        if (item.period() != null) {
            ItemPeriod.Range covered = coveredOn(item.period(), day);
            ItemPeriod.Range asked = item.period().range(reportYear);
            if (!covered.equals(asked)) {
                String name = switch (item.period()) {
                    case PREVIOUS_CALENDAR_YEAR -> "前年";
                    case PREVIOUS_FISCAL_YEAR -> "前年度";
                    case AS_OF_REFERENCE_DATE -> "基準日";
                };
                text += "（自己評価の" + name + "は " + span(covered) + "、この報告の" + name + "は " + span(asked) + "）";
            }
        }
        text += rule.noteJa() == null || rule.noteJa().isBlank() ? "" : " / " + rule.noteJa().strip();
        return text.length() <= MAX_PREFILLED_FROM ? text : text.substring(0, MAX_PREFILLED_FROM - 1) + "…";
    }

    /** The period an answer covers when given on {@code day}, counted as the questionnaire counts it (from that day). */
    public static ItemPeriod.Range coveredOn(ItemPeriod period, LocalDate day) {
        return switch (period) {
            case PREVIOUS_CALENDAR_YEAR -> period.range(day.getYear());
            // the fiscal year before the one the day falls in; range(y) is the fiscal year y-2
            case PREVIOUS_FISCAL_YEAR -> period.range((day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1) + 1);
            case AS_OF_REFERENCE_DATE -> new ItemPeriod.Range(day, day);
        };
    }

    private static String span(ItemPeriod.Range r) {
        return r.from().equals(r.to()) ? DAY.format(r.from()) : DAY.format(r.from()) + "〜" + DAY.format(r.to());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The facility, refused when it is an association (they do not file the report). */
    private FacilityProfile reporting(long facilityId) {
        FacilityProfile facility = facilities.get(facilityId);
        if (facility.type() == FacilityKind.ASSOCIATION) {
            throw new FieldErrors(List.of(FieldError.of("facility", "functionreport.error.association")));
        }
        return facility;
    }

    private ReportPreparation existing(long facilityId, int reportYear) {
        return preparations.findByFacilityIdAndReportYear(facilityId, reportYear)
                .orElseThrow(() -> new FieldErrors(List.of(FieldError.of("reportYear", "functionreport.error.notStarted", String.valueOf(reportYear)))));
    }

    /** The version first (a stale screen learns that before anything else), then the state. */
    private static void editable(ReportPreparation p, long expectedVersion) {
        if (p.getVersion() != expectedVersion) {
            throw conflict(p.getReportYear());
        }
        if (!p.isDraft()) {
            throw new FieldErrors(List.of(FieldError.of("status", "functionreport.error.submitted")));
        }
    }

    /** The edition a year is prepared with; a year before the first edition has none (the report began in 2026). */
    private ReportEdition edition(int reportYear) {
        List<Integer> years = editions.years();
        if (years.isEmpty() || reportYear < years.getFirst()) {
            throw new FieldErrors(List.of(FieldError.of("reportYear", "functionreport.error.noEdition", String.valueOf(reportYear))));
        }
        return editions.forReportYear(reportYear);
    }

    private ReportEdition edition(ReportPreparation p) {
        return editions.edition(p.getEditionYear()).orElseGet(() -> editions.forReportYear(p.getReportYear()));
    }

    /** Records the change (the derived 1号 flag from confirmed answers) and flushes, so the version moves now. */
    private PreparationView changed(FacilityProfile facility, ReportPreparation p, ReportEdition edition, CurrentUser user) {
        p.touched(No1Check.evaluate(edition, confirmedOnly(p.answers())).met(), user.username(), clock.instant());
        // flush now: a concurrent commit fails here (optimistic lock, 409) rather than after we answered
        preparations.saveAndFlush(p);
        return view(facility, p, edition);
    }

    private PreparationView view(FacilityProfile facility, ReportPreparation p) {
        return view(facility, p, edition(p));
    }

    private PreparationView view(FacilityProfile facility, ReportPreparation p, ReportEdition edition) {
        Map<String, PreparationAnswer> answers = p.answers();
        return new PreparationView(facility.id(), facility.name(), p.getReportYear(), edition, p.getId(), p.getStatus(),
                p.getVersion(), answers, p.prefilledFrom(), p.getCarriedFromYear(), unconfirmed(edition, answers),
                No1Check.evaluate(edition, answers), FunctionsProvided.of(edition, answers), p.getUpdatedAt(),
                p.getUpdatedBy(), p.getSubmittedAt(), p.getSubmittedBy(),
                p.isDraft() && access.allows(facility.id(), FacilityScope.EDIT));
    }

    /** Unconfirmed answers in the report's order (answers to items no longer in the edition last). */
    private static List<String> unconfirmed(ReportEdition edition, Map<String, PreparationAnswer> answers) {
        List<String> out = new java.util.ArrayList<>();
        edition.items().forEach(i -> {
            PreparationAnswer a = answers.get(i.code());
            if (a != null && !a.confirmed()) {
                out.add(i.code());
            }
        });
        answers.values().stream().filter(a -> !a.confirmed() && edition.item(a.itemCode()).isEmpty())
                .forEach(a -> out.add(a.itemCode()));
        return out;
    }

    /** What the facility has stated: the 1号 flag kept for rollups is not derived from our proposals. */
    private static Map<String, PreparationAnswer> confirmedOnly(Map<String, PreparationAnswer> answers) {
        Map<String, PreparationAnswer> out = new LinkedHashMap<>();
        answers.forEach((code, a) -> {
            if (a.confirmed()) {
                out.put(code, a);
            }
        });
        return out;
    }

    private static ConflictException conflict(int reportYear) {
        return new ConflictException("The report preparation for " + reportYear
                + " was changed by someone else; read it again and retry.");
    }
}
