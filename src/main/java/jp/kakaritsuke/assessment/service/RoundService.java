package jp.kakaritsuke.assessment.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleAnswerRepository;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.associations.service.MemberAssessmentFeed;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and their answers, as the facility's people work on them: list, start (copying the last submitted round),
 * read, autosave one role at a time with optimistic locking, confirm a carried-over role 「変更なし」. Every method
 * checks the caller against the round's facility ({@link RoundReader}): a submitted round needs
 * {@link FacilityScope#SUBMITTED_RESULTS} (what a consenting member's association holds), a draft
 * {@link FacilityScope#INTERNALS}, a change {@link FacilityScope#EDIT}; a round the caller may not read is answered
 * like one that does not exist. Submitting is {@link SubmissionService}'s, the scores {@link RoleProfileService}'s.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RoundService {

    private final AssessmentRoundRepository rounds;
    private final RoleAnswerRepository roleAnswers;
    private final QuestionnaireService questionnaires;
    private final RoundReader reader;
    private final FacilityAccess access;
    private final FacilityService facilities;
    private final MemberAssessmentFeed feed;
    private final Clock clock;
    private final AssessmentMetrics metrics;

    RoundService(AssessmentRoundRepository rounds, RoleAnswerRepository roleAnswers,
                 QuestionnaireService questionnaires, RoundReader reader, FacilityAccess access, FacilityService facilities, MemberAssessmentFeed feed,
                 Clock clock, AssessmentMetrics metrics) {
        this.rounds = rounds;
        this.roleAnswers = roleAnswers;
        this.questionnaires = questionnaires;
        this.reader = reader;
        this.access = access;
        this.facilities = facilities;
        this.feed = feed;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The facility's rounds, newest first: all of them for its people, the submitted ones for a grant. */
    @Transactional(readOnly = true)
    public List<RoundSummary> rounds(long facilityId) {
        access.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
        boolean internals = access.allows(facilityId, FacilityScope.INTERNALS);
        String name = reader.facilityName(facilityId);
        return rounds.findByFacilityIdOrderByStartedAtDesc(facilityId).stream()
                .filter(r -> internals || r.getStatus() == RoundStatus.SUBMITTED)
                .map(r -> RoundReader.summary(r, name)).toList();
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
        Set<Long> granted = new HashSet<>(access.grantedFacilities(FacilityScope.SUBMITTED_RESULTS));
        granted.removeAll(names.keySet());
        granted.forEach(id -> names.put(id, reader.facilityName(id)));
        if (names.isEmpty()) {
            return List.of();
        }
        return rounds.findByFacilityIdInOrderByStartedAtDesc(names.keySet()).stream()
                .filter(r -> !granted.contains(r.getFacilityId()) || r.getStatus() == RoundStatus.SUBMITTED)
                .map(r -> RoundReader.summary(r, names.get(r.getFacilityId()))).toList();
    }

    @Transactional(readOnly = true)
    public RoundView round(long roundId) {
        return reader.view(reader.readable(roundId));
    }

    /** The draft in progress, if any. */
    @Transactional(readOnly = true)
    public Optional<RoundSummary> draft(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return rounds.findFirstByFacilityIdAndStatus(facilityId, RoundStatus.DRAFT)
                .map(r -> RoundReader.summary(r, reader.facilityName(facilityId)));
    }

    /**
     * The round's questionnaire version as its facility is asked it (only the indicators of its audience, version 3):
     * what the editor shows, the API lists and the service validates and scores. Read like the round itself.
     */
    @Transactional(readOnly = true)
    public Questionnaire questionnaire(long roundId) {
        return reader.questionnaireOf(reader.readable(roundId));
    }

    /**
     * Starts a new round on the current questionnaire, pre-filled from the last submitted round; returns the
     * existing draft instead if there is one (one draft per facility). The association rollups learn of the draft.
     */
    @Transactional
    public RoundView startRound(long facilityId) {
        CurrentUser user = access.requireEdit(facilityId);
        Optional<AssessmentRound> existing = rounds.findFirstByFacilityIdAndStatus(facilityId, RoundStatus.DRAFT);
        if (existing.isPresent()) {
            return reader.view(existing.get());
        }
        Questionnaire questionnaire = questionnaires.current().forFacility(facilities.get(facilityId).type());
        Optional<AssessmentRound> last = rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(facilityId,
                RoundStatus.SUBMITTED);
        Instant now = clock.instant();
        AssessmentRound round = new AssessmentRound(facilityId, questionnaire.version(),
                last.map(AssessmentRound::getId).orElse(null), user.username(), now);
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
        feed.draftStarted(facilityId);
        return reader.view(saved);
    }

    /**
     * Saves one role of a draft. {@code expectedVersion} is the version the editor's screen shows; if the role was
     * saved by someone else since, {@link ConcurrentEditException} carries the current answer and nothing is written.
     */
    @Transactional
    public RoleAnswerView saveRoleAnswer(long roundId, RoleCode role, long expectedVersion, RoleAnswerInput input) {
        Edit edit = edit(roundId, role);
        Map<String, IndicatorValue> values = AnswerValidator.validate(edit.question(), input);
        RoleAnswer answer = current(edit, expectedVersion);
        Instant now = clock.instant();
        answer.apply(input.level(), input.priority(), input.note(), values, edit.user().username(), now);
        return saved(edit, answer, now);
    }

    /**
     * 「変更なし」: the answer carried over from the previous round stands for this round. Versioned like a save: if
     * someone changed the role since the caller read it, {@link ConcurrentEditException} carries the current answer.
     */
    @Transactional
    public RoleAnswerView confirmUnchanged(long roundId, RoleCode role, long expectedVersion) {
        Edit edit = edit(roundId, role);
        RoleAnswer answer = current(edit, expectedVersion);
        Instant now = clock.instant();
        answer.confirm(edit.user().username(), now);
        return saved(edit, answer, now);
    }

    /** A change of one role under way: the round (locked for the answer), its editor, the role's question. */
    private record Edit(AssessmentRound round, CurrentUser user, Questionnaire questionnaire, RoleQuestion question) {
    }

    /** The round, its editor (EDIT scope, still a draft) and the role's question, or the refusal. */
    private Edit edit(long roundId, RoleCode role) {
        AssessmentRound round = rounds.findForAnswer(roundId).orElseThrow(() -> RoundReader.notFound(roundId));
        CurrentUser user = reader.requireEditableDraft(round);
        Questionnaire questionnaire = reader.questionnaireOf(round);
        return new Edit(round, user, questionnaire, AnswerValidator.question(questionnaire, role));
    }

    /** The role's answer if it is still at {@code expectedVersion}; otherwise the conflict, with the answer as is. */
    private RoleAnswer current(Edit edit, long expectedVersion) {
        RoleAnswer answer = roleAnswers.find(edit.round().getId(), edit.question().roleCode()).orElseThrow();
        if (answer.getVersion() != expectedVersion) {
            metrics.conflict();
            throw new ConcurrentEditException(RoundReader.answerView(edit.questionnaire(), edit.question(), answer,
                    reader.previousAnswer(edit.round(), edit.question())));
        }
        return answer;
    }

    private RoleAnswerView saved(Edit edit, RoleAnswer answer, Instant now) {
        // flush now: a concurrent commit on the same role fails here (optimistic lock) rather than after we answered
        roleAnswers.flush();
        rounds.touch(edit.round().getId(), now, edit.user().username());
        metrics.answerSaved();
        return RoundReader.answerView(edit.questionnaire(), edit.question(), answer,
                reader.previousAnswer(edit.round(), edit.question()));
    }
}
