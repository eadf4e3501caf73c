package jp.kakaritsuke.assessment.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.domain.RoleScoring;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleProfile;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleScore;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityScope;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a round says of the facility's roles: the scores per role beside the previous submitted round (the result page,
 * the API, the board report), and the profile the scoring compares with the cases. Read like the round itself
 * ({@link FacilityScope#SUBMITTED_RESULTS} for a submitted round, {@link FacilityScope#INTERNALS} for a draft); a read
 * from outside the facility is recorded in the audit log.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RoleProfileService {

    private final AssessmentRoundRepository rounds;
    private final RoundReader reader;
    private final ApplicationEventPublisher events;

    RoleProfileService(AssessmentRoundRepository rounds, RoundReader reader, ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.reader = reader;
        this.events = events;
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

    /**
     * The round as the scoring sees it: the facility's kind, place, size and area (as submitted, falling back to the
     * current profile for drafts) with the round's levels and priorities.
     */
    @Transactional(readOnly = true)
    public FacilityRoleProfile scoringProfile(long roundId) {
        AssessmentRound round = reader.readable(roundId);
        FacilityProfile facility = reader.facility(round.getFacilityId());
        return new FacilityRoleProfile(
                round.getSnapshotFacilityType() != null ? round.getSnapshotFacilityType() : facility.type(),
                round.getSnapshotPrefecture() != null ? round.getSnapshotPrefecture() : facility.prefecture(),
                round.getSnapshotBedsTotal() != null ? round.getSnapshotBedsTotal() : facility.bedsTotal(),
                round.getSnapshotAreaType() != null ? round.getSnapshotAreaType() : facility.areaType(),
                round.roleLevels());
    }

    /**
     * Every submitted round of the facility of {@code roundId}, oldest first, read like the round (issue 15 contract:
     * stream B implements).
     */
    @Transactional(readOnly = true)
    public AssessmentModels.RoleTrend trend(long roundId) {
        throw new UnsupportedOperationException("issue 15 stream B");
    }

    /** A role's level and score in the previous round. */
    private record Previous(Integer level, Integer score) {
        static final Previous NONE = new Previous(null, null);
    }

    private RoleProfile profile(long roundId, String what) {
        AssessmentRound round = reader.readable(roundId);
        if (reader.outsider(round.getFacilityId())) {
            events.publishEvent(AuditEvent.ofFacility(AuditAction.REPORT_DOWNLOADED, round.getFacilityId(), null,
                    what + ", round " + roundId));
        }
        String name = reader.facilityName(round.getFacilityId());
        Optional<AssessmentRound> previous = round.getStatus() == RoundStatus.SUBMITTED
                ? rounds.findSubmittedBefore(round.getFacilityId(), round.getId(), round.getSubmittedAt(), Limit.of(1))
                        .stream().findFirst()
                : rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(round.getFacilityId(),
                        RoundStatus.SUBMITTED);
        Map<RoleCode, Previous> before = new EnumMap<>(RoleCode.class);
        previous.ifPresent(p -> {
            Questionnaire pq = reader.questionnaireOf(p);
            p.getAnswers().forEach(a -> pq.role(a.getRoleCode()).ifPresent(q -> before.put(a.getRoleCode(),
                    new Previous(a.getLevel(), pq.score(q, a.getLevel(), a.getIndicators())))));
        });
        Questionnaire questionnaire = reader.questionnaireOf(round);
        List<RoleScore> scores = new ArrayList<>();
        for (RoleQuestion q : questionnaire.roles()) {
            RoleAnswer a = round.answer(q.roleCode()).orElse(null);
            Previous p = before.getOrDefault(q.roleCode(), Previous.NONE);
            scores.add(new RoleScore(q.roleCode(), a == null ? null : a.getLevel(),
                    a == null ? null : questionnaire.score(q, a.getLevel(), a.getIndicators()),
                    a != null && a.isPriority(), p.level(), p.score(),
                    a != null && RoleScoring.detailed(q, a.getIndicators())));
        }
        return new RoleProfile(RoundReader.summary(round, name),
                previous.map(r -> RoundReader.summary(r, name)).orElse(null), scores);
    }
}
