package jp.kakaritsuke.assessment.service;

import jp.kakaritsuke.associations.service.MemberAssessmentFeed;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import java.math.BigDecimal;
import java.time.Clock;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleAnswerRepository;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoleScoring;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.web.NotFoundException;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment rounds: start (copying the last submitted round), autosave one role at a time with optimistic locking,
 * submit (then immutable), read, and the role profile. Every method checks the caller against the round's facility:
 * a submitted round needs {@link FacilityScope#SUBMITTED_RESULTS} (what a consenting member's association holds), a
 * draft {@link FacilityScope#INTERNALS}; a round the caller may not read is answered like one that does not exist.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AssessmentService {

    private final AssessmentRoundRepository rounds;
    private final RoleAnswerRepository roleAnswers;
    private final QuestionnaireService questionnaires;
    private final MemberAssessmentFeed states;
    private final FacilityAccess access;
    private final FacilityService facilities;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AssessmentMetrics metrics;

    public AssessmentService(AssessmentRoundRepository rounds, RoleAnswerRepository roleAnswers,
                             QuestionnaireService questionnaires, FacilityAccess access, FacilityService facilities,
                             MemberAssessmentFeed states, Clock clock,
                             ApplicationEventPublisher events, AssessmentMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
        this.rounds = rounds;
        this.states = states;
        this.roleAnswers = roleAnswers;
        this.questionnaires = questionnaires;
        this.access = access;
        this.facilities = facilities;
        this.clock = clock;
    }

    /** The facility's rounds, newest first: all of them for its people, the submitted ones for a grant. */
    @Transactional(readOnly = true)
    public List<RoundSummary> rounds(long facilityId) {
        access.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
        boolean internals = access.allows(facilityId, FacilityScope.INTERNALS);
        String name = facilities.get(facilityId).name();
        return rounds.findByFacilityIdOrderByStartedAtDesc(facilityId).stream()
                .filter(r -> internals || r.getStatus() == RoundStatus.SUBMITTED)
                .map(r -> summary(r, name)).toList();
    }

    /**
     * Every round the caller may read (API listing), the same rule as {@link #round(long)}: all rounds of their own
     * facilities, and the submitted rounds of the facilities a grant shows them (consenting members of their
     * association).
     */
    @Transactional(readOnly = true)
    public List<RoundSummary> visibleRounds() {
        Map<Long, String> names = new HashMap<>();
        facilities.visibleFacilities().forEach(f -> names.put(f.id(), f.name()));
        java.util.Set<Long> granted = new java.util.HashSet<>(access.grantedFacilities(FacilityScope.SUBMITTED_RESULTS));
        granted.removeAll(names.keySet());
        granted.forEach(id -> names.put(id, facilities.get(id).name()));
        if (names.isEmpty()) {
            return List.of();
        }
        return rounds.findByFacilityIdInOrderByStartedAtDesc(names.keySet()).stream()
                .filter(r -> !granted.contains(r.getFacilityId()) || r.getStatus() == RoundStatus.SUBMITTED)
                .map(r -> summary(r, names.get(r.getFacilityId()))).toList();
    }

    @Transactional(readOnly = true)
    public RoundView round(long roundId) {
        return view(readable(roundId));
    }

    /** The draft in progress, if any. */
    @Transactional(readOnly = true)
    public Optional<RoundSummary> draft(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return rounds.findFirstByFacilityIdAndStatus(facilityId, RoundStatus.DRAFT)
                .map(r -> summary(r, facilities.get(facilityId).name()));
    }

    /**
     * Starts a new round on the current questionnaire, pre-filled from the last submitted round; returns the
     * existing draft instead if there is one (one draft per facility).
     */
    @Transactional
    public RoundView startRound(long facilityId) {
        CurrentUser user = access.requireEdit(facilityId);
        Optional<AssessmentRound> existing = rounds.findFirstByFacilityIdAndStatus(facilityId, RoundStatus.DRAFT);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        Questionnaire questionnaire = questionnaires.current().forFacility(facilities.get(facilityId).type());
        Optional<AssessmentRound> last = rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(facilityId, RoundStatus.SUBMITTED);
        Instant now = clock.instant();
        AssessmentRound round = new AssessmentRound(facilityId, questionnaire.version(), last.map(AssessmentRound::getId).orElse(null),
                user.username(), now);
        for (RoleQuestion q : questionnaire.roles()) {
            RoleAnswer answer = round.addAnswer(q.roleCode());
            last.flatMap(l -> l.answer(q.roleCode())).ifPresent(previous -> {
                // Copy what still exists in the current version, as this facility is asked it: a code kept across
                // versions means the same question (a changed meaning got a new code), and an answer the indicator no
                // longer accepts (a choice it dropped, a number out of its range) is left behind like a dropped code.
                Map<String, IndicatorValue> kept = new HashMap<>();
                previous.getIndicators().forEach((code, value) -> questionnaire.indicator(code)
                        .filter(indicator -> AnswerValidator.accepts(indicator, value))
                        .ifPresent(indicator -> kept.put(code, new IndicatorValue(value.getNumber(), value.getChoice()))));
                answer.carryOver(previous.getLevel(), previous.isPriority(), previous.getNote(), kept, user.username(), now);
            });
        }
        AssessmentRound saved = rounds.saveAndFlush(round);
        states.draftStarted(facilityId);
        return view(saved);
    }

    /**
     * Saves one role of a draft. {@code expectedVersion} is the version the editor's screen shows; if the role was
     * saved by someone else since, {@link ConcurrentEditException} carries the current answer and nothing is written.
     */
    @Transactional
    public RoleAnswerView saveRoleAnswer(long roundId, String roleCode, long expectedVersion, RoleAnswerInput input) {
        AssessmentRound round = rounds.findForAnswer(roundId).orElseThrow(() -> notFound(roundId));
        CurrentUser user = access.require(round.getFacilityId(), FacilityScope.EDIT, () -> notFound(roundId));
        if (!round.isDraft()) {
            throw new InvalidInputException(List.of("assessment.error.notDraft"));
        }
        Questionnaire questionnaire = questionnaireOf(round);
        RoleQuestion question = questionnaire.role(roleCode)
                .orElseThrow(() -> new InvalidInputException(List.of("assessment.error.unknownRole")));
        Map<String, IndicatorValue> values = AnswerValidator.validate(question, input);
        RoleAnswer answer = roleAnswers.find(roundId, roleCode).orElseThrow();
        if (answer.getVersion() != expectedVersion) {
            metrics.conflict();
            throw new ConcurrentEditException(answerView(questionnaire, question, answer, previousAnswer(round, question)));
        }
        Instant now = clock.instant();
        answer.apply(input.level(), input.priority(), input.note(), values, user.username(), now);
        // flush now: a concurrent commit on the same role fails here (optimistic lock) rather than after we answered
        roleAnswers.flush();
        rounds.touch(roundId, now, user.username());
        metrics.answerSaved();
        return answerView(questionnaire, question, answer, previousAnswer(round, question));
    }

    /**
     * 「変更なし」: the answer carried over from the previous round stands for this round. Versioned like a save: if
     * someone changed the role since the caller read it, {@link ConcurrentEditException} carries the current answer.
     */
    @Transactional
    public RoleAnswerView confirmUnchanged(long roundId, String roleCode, long expectedVersion) {
        AssessmentRound round = rounds.findForAnswer(roundId).orElseThrow(() -> notFound(roundId));
        CurrentUser user = access.require(round.getFacilityId(), FacilityScope.EDIT, () -> notFound(roundId));
        if (!round.isDraft()) {
            throw new InvalidInputException(List.of("assessment.error.notDraft"));
        }
        Questionnaire questionnaire = questionnaireOf(round);
        RoleQuestion question = questionnaire.role(roleCode)
                .orElseThrow(() -> new InvalidInputException(List.of("assessment.error.unknownRole")));
        RoleAnswer answer = roleAnswers.find(roundId, roleCode).orElseThrow();
        RoleAnswerView previous = previousAnswer(round, question);
        if (answer.getVersion() != expectedVersion) {
            metrics.conflict();
            throw new ConcurrentEditException(answerView(questionnaire, question, answer, previous));
        }
        Instant now = clock.instant();
        answer.confirm(user.username(), now);
        roleAnswers.flush();
        rounds.touch(roundId, now, user.username());
        metrics.answerSaved();
        return answerView(questionnaire, question, answer, previous);
    }

    /** Submits a complete draft; afterwards the round is immutable. Missing levels are named, nothing is changed. */
    @Transactional
    public RoundView submit(long roundId) {
        AssessmentRound round = load(roundId);
        CurrentUser user = access.require(round.getFacilityId(), FacilityScope.EDIT, () -> notFound(roundId));
        if (!round.isDraft()) {
            throw new InvalidInputException(List.of("assessment.error.notDraft"));
        }
        List<String> missing = round.getAnswers().stream().filter(a -> a.getLevel() == null).map(RoleAnswer::getRoleCode).toList();
        List<String> unconfirmed = round.getAnswers().stream().filter(a -> !a.isConfirmed()).map(RoleAnswer::getRoleCode).toList();
        if (!missing.isEmpty() || !unconfirmed.isEmpty()) {
            throw new SubmitIncompleteException(missing, unconfirmed);
        }
        FacilityProfile facility = facilities.get(round.getFacilityId());
        round.submit(user.username(), clock.instant(), facility.type().name(), facility.prefecture(),
                facility.areaType() == null ? null : facility.areaType().name(), facility.bedsTotal());
        rounds.flush();
        // the association rollups' read model learns the submitted profile in this transaction
        RoleLevels submitted = RoleLevels.EMPTY;
        for (RoleAnswer a : round.getAnswers()) {
            RoleCode role = RoleCode.of(a.getRoleCode());
            submitted = submitted.withLevel(role, a.getLevel()).withPriority(role, a.isPriority());
        }
        states.submitted(round.getFacilityId(), round.getId(), round.getSubmittedAt(), submitted);
        events.publishEvent(AuditEvent.ofFacility(AuditAction.ROUND_SUBMITTED, round.getFacilityId(), null,
                "round " + round.getId()));
        metrics.submitted();
        return view(round);
    }

    /**
     * Scores per role for a round, beside the previous submitted round of the same facility. Read by someone outside
     * the facility (association staff through consent, an administrator), it is recorded as a read of another
     * facility's results.
     */
    @Transactional(readOnly = true)
    public RoleProfile profile(long roundId) {
        return profile(roundId, "profile");
    }

    /** The same for the board report, recorded as the report's download (once, not also as a profile read). */
    @Transactional(readOnly = true)
    public RoleProfile reportProfile(long roundId) {
        return profile(roundId, "report.xlsx");
    }

    private RoleProfile profile(long roundId, String what) {
        AssessmentRound round = readable(roundId);
        if (access.roleIn(round.getFacilityId()).isEmpty()) {
            events.publishEvent(AuditEvent.ofFacility(AuditAction.REPORT_DOWNLOADED, round.getFacilityId(), null,
                    what + ", round " + roundId));
        }
        String name = facilities.get(round.getFacilityId()).name();
        Optional<AssessmentRound> previous = round.getStatus() == RoundStatus.SUBMITTED
                ? rounds.findSubmittedBefore(round.getFacilityId(), round.getId(), round.getSubmittedAt(),
                        org.springframework.data.domain.Limit.of(1)).stream().findFirst()
                : rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(round.getFacilityId(), RoundStatus.SUBMITTED);
        Map<String, Integer[]> before = new HashMap<>();
        previous.ifPresent(p -> {
            Questionnaire pq = questionnaireOf(p);
            p.getAnswers().forEach(a -> pq.role(a.getRoleCode()).ifPresent(q ->
                    before.put(a.getRoleCode(), new Integer[] {a.getLevel(), pq.score(q, a.getLevel(), a.getIndicators())})));
        });
        Questionnaire questionnaire = questionnaireOf(round);
        List<RoleScore> scores = new ArrayList<>();
        for (RoleQuestion q : questionnaire.roles()) {
            RoleAnswer a = round.answer(q.roleCode()).orElse(null);
            Integer[] p = before.getOrDefault(q.roleCode(), new Integer[2]);
            scores.add(new RoleScore(q.roleCode(), a == null ? null : a.getLevel(),
                    a == null ? null : questionnaire.score(q, a.getLevel(), a.getIndicators()),
                    a != null && a.isPriority(), p[0], p[1], a != null && RoleScoring.detailed(q, a.getIndicators())));
        }
        return new RoleProfile(summary(round, name), previous.map(r -> summary(r, name)).orElse(null), scores);
    }

    /**
     * The round as the scoring sees it: the facility's kind, place, size and area (as submitted, falling back to the
     * current profile for drafts) with the round's levels and priorities.
     */
    @Transactional(readOnly = true)
    public jp.kakaritsuke.scoring.domain.FacilityRoleProfile scoringProfile(long roundId) {
        AssessmentRound round = readable(roundId);
        FacilityProfile facility = facilities.get(round.getFacilityId());
        Map<String, Integer> levels = new HashMap<>();
        java.util.Set<String> priorities = new java.util.HashSet<>();
        round.getAnswers().forEach(a -> {
            if (a.getLevel() != null) {
                levels.put(a.getRoleCode(), a.getLevel());
            }
            if (a.isPriority()) {
                priorities.add(a.getRoleCode());
            }
        });
        String kind = round.getSnapshotFacilityType() != null ? round.getSnapshotFacilityType() : facility.type().name();
        String area = round.getSnapshotAreaType() != null ? round.getSnapshotAreaType()
                : facility.areaType() == null ? null : facility.areaType().name();
        return new jp.kakaritsuke.scoring.domain.FacilityRoleProfile(
                jp.kakaritsuke.caselibrary.domain.FacilityKind.valueOf(kind),
                round.getSnapshotPrefecture() != null ? round.getSnapshotPrefecture() : facility.prefecture(),
                round.getSnapshotBedsTotal() != null ? round.getSnapshotBedsTotal() : facility.bedsTotal(),
                area == null ? null : jp.kakaritsuke.base.AreaType.valueOf(area), levels, priorities);
    }

    /**
     * The round's questionnaire version as its facility is asked it (only the indicators of its audience, version 3):
     * what the editor shows, the API lists and the service validates and scores. Read like the round itself.
     */
    @Transactional(readOnly = true)
    public Questionnaire questionnaire(long roundId) {
        return questionnaireOf(readable(roundId));
    }

    /**
     * The facility's kind decides the audience: as submitted for a submitted round (what it was asked then), the
     * current profile's for a draft.
     */
    private Questionnaire questionnaireOf(AssessmentRound round) {
        String kind = round.getSnapshotFacilityType();
        return questionnaires.version(round.getQuestionnaireVersion()).forFacility(kind != null
                ? jp.kakaritsuke.facility.domain.FacilityType.valueOf(kind)
                : facilities.get(round.getFacilityId()).type());
    }

    private AssessmentRound load(long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> notFound(roundId));
    }

    /** The round if the caller may read it: submitted ones with the results scope, drafts only inside the facility. */
    private AssessmentRound readable(long roundId) {
        AssessmentRound round = load(roundId);
        access.require(round.getFacilityId(), round.getStatus() == RoundStatus.SUBMITTED
                ? FacilityScope.SUBMITTED_RESULTS : FacilityScope.INTERNALS, () -> notFound(roundId));
        return round;
    }

    private static NotFoundException notFound(long roundId) {
        return new NotFoundException("assessment", String.valueOf(roundId));
    }

    private RoundView view(AssessmentRound round) {
        Questionnaire questionnaire = questionnaireOf(round);
        Optional<AssessmentRound> from = copiedFrom(round);
        List<RoleAnswerView> answers = new ArrayList<>();
        for (RoleQuestion q : questionnaire.roles()) {
            round.answer(q.roleCode()).ifPresent(a -> answers.add(answerView(questionnaire, q, a,
                    from.map(f -> answerIn(f, q)).orElse(null))));
        }
        return new RoundView(summary(round, facilities.get(round.getFacilityId()).name()), answers);
    }

    private Optional<AssessmentRound> copiedFrom(AssessmentRound round) {
        return round.getCopiedFromRoundId() == null ? Optional.empty() : rounds.findById(round.getCopiedFromRoundId());
    }

    /** The role's answer in the round this one was copied from, on this version's indicators; null if none. */
    private RoleAnswerView previousAnswer(AssessmentRound round, RoleQuestion question) {
        return copiedFrom(round).map(f -> answerIn(f, question)).orElse(null);
    }

    /** {@code from}'s answer of the question's role, on the question's indicators. */
    private RoleAnswerView answerIn(AssessmentRound from, RoleQuestion question) {
        Questionnaire theirs = questionnaireOf(from);
        return from.answer(question.roleCode()).map(a -> {
            RoleQuestion theirQuestion = theirs.role(question.roleCode()).orElse(question);
            // shown on this version's indicators: codes kept across versions mean the same question
            Map<String, AnswerValue> indicators = new LinkedHashMap<>();
            question.indicators().forEach(i -> {
                IndicatorValue v = a.getIndicators().get(i.code());
                if (v != null) {
                    indicators.put(i.code(), new AnswerValue(v.getNumber(), v.getChoice()));
                }
            });
            return new RoleAnswerView(a.getRoleCode(), a.getLevel(), a.isPriority(), a.getNote(), indicators,
                    a.getVersion(), a.getUpdatedAt(), a.getUpdatedBy(),
                    theirs.score(theirQuestion, a.getLevel(), a.getIndicators()), a.isConfirmed(), null);
        }).orElse(null);
    }

    private static RoleAnswerView answerView(Questionnaire questionnaire, RoleQuestion question, RoleAnswer a,
                                             RoleAnswerView previous) {
        Map<String, AnswerValue> indicators = new LinkedHashMap<>();
        question.indicators().forEach(i -> {
            IndicatorValue v = a.getIndicators().get(i.code());
            if (v != null) {
                indicators.put(i.code(), new AnswerValue(v.getNumber(), v.getChoice()));
            }
        });
        return new RoleAnswerView(a.getRoleCode(), a.getLevel(), a.isPriority(), a.getNote(), indicators, a.getVersion(),
                a.getUpdatedAt(), a.getUpdatedBy(), questionnaire.score(question, a.getLevel(), a.getIndicators()),
                a.isConfirmed(), previous);
    }

    private static RoundSummary summary(AssessmentRound r, String facilityName) {
        return new RoundSummary(r.getId(), r.getFacilityId(), facilityName, r.getStatus(), r.getQuestionnaireVersion(),
                r.getStartedAt(), r.getStartedBy(), r.getUpdatedAt(), r.getUpdatedBy(), r.getSubmittedAt(), r.getSubmittedBy());
    }
}
