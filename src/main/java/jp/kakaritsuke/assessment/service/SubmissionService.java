package jp.kakaritsuke.assessment.service;

import java.time.Clock;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.associations.service.MemberAssessmentFeed;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.identity.service.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting a round: only an editor of its facility ({@link FacilityScope#EDIT}), only a complete draft (the rule of
 * {@link RoundView#complete()}). The round keeps the facility's kind, place, area and beds as they were, becomes
 * immutable, is reported to the association rollups ({@link MemberAssessmentFeed}) and to the audit log, and counted.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SubmissionService {

    private final AssessmentRoundRepository rounds;
    private final RoundReader reader;
    private final MemberAssessmentFeed feed;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AssessmentMetrics metrics;

    SubmissionService(AssessmentRoundRepository rounds, RoundReader reader, MemberAssessmentFeed feed, Clock clock,
                      ApplicationEventPublisher events, AssessmentMetrics metrics) {
        this.rounds = rounds;
        this.reader = reader;
        this.feed = feed;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * Submits a complete draft; afterwards the round is immutable. Missing levels and unconfirmed roles are named
     * ({@link SubmitIncompleteException}), nothing is changed.
     */
    @Transactional
    public RoundView submit(long roundId) {
        AssessmentRound round = reader.load(roundId);
        CurrentUser user = reader.requireEditableDraft(round);
        AnswerValidator.requireComplete(reader.view(round));
        FacilityProfile facility = reader.facility(round.getFacilityId());
        round.submit(user.username(), clock.instant(), facility.type(), facility.prefecture(), facility.areaType(),
                facility.bedsTotal());
        rounds.flush();
        feed.submitted(round.getFacilityId(), round.getId(), round.getSubmittedAt(), round.roleLevels());
        events.publishEvent(new RoundSubmitted(round.getFacilityId(), round.getId(), round.getSubmittedAt(),
                round.roleLevels(), facility.type(), facility.prefecture(), facility.areaType(), facility.bedsTotal(),
                facility.designations()));
        events.publishEvent(AuditEvent.ofFacility(AuditAction.ROUND_SUBMITTED, round.getFacilityId(), null,
                "round " + round.getId()));
        metrics.submitted();
        return reader.view(round);
    }
}
