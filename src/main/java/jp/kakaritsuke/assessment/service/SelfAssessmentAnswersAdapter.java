package jp.kakaritsuke.assessment.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.functionreport.service.SelfAssessmentAnswers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report preparation's view of the facility's latest submitted self-assessment (the port of the functionreport
 * module). Only submitted rounds: a draft is not yet the facility's answer. The caller must see the facility's
 * internals (a preparation is the facility's own work; an association's consent covers results, not this).
 * Which answers may pre-fill which item is the edition's {@code PrefillRule}s' business, not this adapter's: it hands
 * over every answer of the round with the questionnaire version it was given in.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SelfAssessmentAnswersAdapter implements SelfAssessmentAnswers {

    private final AssessmentRoundRepository rounds;
    private final FacilityAccess access;

    public SelfAssessmentAnswersAdapter(AssessmentRoundRepository rounds, FacilityAccess access) {
        this.rounds = rounds;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Submission> latestSubmitted(long facilityId) {
        access.require(facilityId, FacilityScope.INTERNALS);
        return rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(facilityId, RoundStatus.SUBMITTED)
                .map(SelfAssessmentAnswersAdapter::submission);
    }

    private static Submission submission(AssessmentRound round) {
        Map<String, String> choices = new LinkedHashMap<>();
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        round.getAnswers().forEach(a -> a.getIndicators().forEach((code, v) -> {
            if (v.getChoice() != null) {
                choices.put(code, v.getChoice().name());
            } else if (v.getNumber() != null) {
                numbers.put(code, v.getNumber());
            }
        }));
        return new Submission(round.getId(), round.getQuestionnaireVersion(), round.getSubmittedAt(), choices, numbers);
    }
}
