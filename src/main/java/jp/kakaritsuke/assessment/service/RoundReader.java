package jp.kakaritsuke.assessment.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the round services share: a round loaded with the caller's access checked (a submitted round needs
 * {@link FacilityScope#SUBMITTED_RESULTS}, a draft {@link FacilityScope#INTERNALS}, a change
 * {@link FacilityScope#EDIT}; a round the caller may not see is answered like one that does not exist), the round's
 * questionnaire as its facility is asked it, and the views the services return. Runs only inside the calling
 * service's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class RoundReader {

    private final AssessmentRoundRepository rounds;
    private final QuestionnaireService questionnaires;
    private final FacilityAccess access;
    private final FacilityService facilities;

    RoundReader(AssessmentRoundRepository rounds, QuestionnaireService questionnaires, FacilityAccess access,
                FacilityService facilities) {
        this.rounds = rounds;
        this.questionnaires = questionnaires;
        this.access = access;
        this.facilities = facilities;
    }

    /** The round whatever the caller may do with it: check before it leaves the service. */
    AssessmentRound load(long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> notFound(roundId));
    }

    /** The round if the caller may read it: submitted ones with the results scope, drafts only inside the facility. */
    AssessmentRound readable(long roundId) {
        AssessmentRound round = load(roundId);
        access.require(round.getFacilityId(), round.getStatus() == RoundStatus.SUBMITTED
                ? FacilityScope.SUBMITTED_RESULTS : FacilityScope.INTERNALS, () -> notFound(roundId));
        return round;
    }

    /** The caller, allowed to change the round (an editor of its facility, else 404), which must still be a draft. */
    CurrentUser requireEditableDraft(AssessmentRound round) {
        CurrentUser user = access.require(round.getFacilityId(), FacilityScope.EDIT, () -> notFound(round.getId()));
        if (!round.isDraft()) {
            throw new InvalidInputException(List.of("assessment.error.notDraft"));
        }
        return user;
    }

    /** Whether someone outside the facility reads it (association staff through consent, an administrator). */
    boolean outsider(long facilityId) {
        return access.roleIn(facilityId).isEmpty();
    }

    FacilityProfile facility(long facilityId) {
        return facilities.get(facilityId);
    }

    String facilityName(long facilityId) {
        return facilities.get(facilityId).name();
    }

    /**
     * The round's questionnaire version as its facility is asked it: the facility's kind as submitted for a submitted
     * round (what it was asked then), the current profile's for a draft.
     */
    Questionnaire questionnaireOf(AssessmentRound round) {
        FacilityKind kind = round.getSnapshotFacilityType();
        return questionnaires.version(round.getQuestionnaireVersion())
                .forFacility(kind != null ? kind : facilities.get(round.getFacilityId()).type());
    }

    RoundView view(AssessmentRound round) {
        Questionnaire questionnaire = questionnaireOf(round);
        Optional<AssessmentRound> from = copiedFrom(round);
        List<RoleAnswerView> answers = new ArrayList<>();
        for (RoleQuestion q : questionnaire.roles()) {
            round.answer(q.roleCode()).ifPresent(a -> answers.add(answerView(questionnaire, q, a,
                    from.map(f -> answerIn(f, q)).orElse(null))));
        }
        return new RoundView(summary(round, facilityName(round.getFacilityId())), answers);
    }

    /** The role's answer in the round this one was copied from, on this version's indicators; null if none. */
    RoleAnswerView previousAnswer(AssessmentRound round, RoleQuestion question) {
        return copiedFrom(round).map(f -> answerIn(f, question)).orElse(null);
    }

    private Optional<AssessmentRound> copiedFrom(AssessmentRound round) {
        return round.getCopiedFromRoundId() == null ? Optional.empty() : rounds.findById(round.getCopiedFromRoundId());
    }

    /** {@code from}'s answer of the question's role, on the question's indicators, scored by its own version. */
    private RoleAnswerView answerIn(AssessmentRound from, RoleQuestion question) {
        Questionnaire theirs = questionnaireOf(from);
        return from.answer(question.roleCode()).map(a -> {
            RoleQuestion theirQuestion = theirs.role(question.roleCode()).orElse(question);
            return new RoleAnswerView(a.getRoleCode(), a.getLevel(), a.isPriority(), a.getNote(), values(question, a),
                    a.getVersion(), a.getUpdatedAt(), a.getUpdatedBy(),
                    theirs.score(theirQuestion, a.getLevel(), a.getIndicators()), a.isConfirmed(), null);
        }).orElse(null);
    }

    static RoleAnswerView answerView(Questionnaire questionnaire, RoleQuestion question, RoleAnswer a,
                                     RoleAnswerView previous) {
        return new RoleAnswerView(a.getRoleCode(), a.getLevel(), a.isPriority(), a.getNote(), values(question, a),
                a.getVersion(), a.getUpdatedAt(), a.getUpdatedBy(),
                questionnaire.score(question, a.getLevel(), a.getIndicators()), a.isConfirmed(), previous);
    }

    /** The answer's values on the question's indicators, in their order (codes kept across versions mean the same). */
    private static Map<String, AnswerValue> values(RoleQuestion question, RoleAnswer a) {
        Map<String, AnswerValue> indicators = new LinkedHashMap<>();
        question.indicators().forEach(i -> {
            IndicatorValue v = a.getIndicators().get(i.code());
            if (v != null) {
                indicators.put(i.code(), new AnswerValue(v.getNumber(), v.getChoice()));
            }
        });
        return indicators;
    }

    static RoundSummary summary(AssessmentRound r, String facilityName) {
        return new RoundSummary(r.getId(), r.getFacilityId(), facilityName, r.getStatus(), r.getQuestionnaireVersion(),
                r.getStartedAt(), r.getStartedBy(), r.getUpdatedAt(), r.getUpdatedBy(), r.getSubmittedAt(),
                r.getSubmittedBy());
    }

    static NotFoundException notFound(long roundId) {
        return new NotFoundException("assessment", String.valueOf(roundId));
    }
}
