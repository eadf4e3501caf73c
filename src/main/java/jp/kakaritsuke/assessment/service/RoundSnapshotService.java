package jp.kakaritsuke.assessment.service;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.assessment.domain.AssessmentRound;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityAccess;
import jp.kakaritsuke.facility.service.FacilityScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's levels with the facility as it was when it submitted, for modules that compare rounds (peers, issue 15):
 * read like the round ({@link FacilityScope#SUBMITTED_RESULTS} for a submitted round, else
 * {@link FacilityScope#INTERNALS}); a read from outside the facility is recorded like a profile read.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RoundSnapshotService {

    /**
     * @param submitted false for a draft (then kind, place, area and beds are the current profile's)
     * @param designations the facility's designations now: a round does not keep them (the peers module keeps those
     *                     of a submission it was told of)
     */
    public record RoundSnapshot(long roundId, long facilityId, boolean submitted, @Nullable Instant submittedAt,
                                RoleLevels levels, FacilityKind kind, String prefecture, @Nullable AreaType areaType,
                                int bedsTotal, Set<Designation> designations) {

        public RoundSnapshot {
            designations = Set.copyOf(designations);
        }
    }

    private final AssessmentRoundRepository rounds;
    private final RoundReader reader;
    private final FacilityAccess access;
    private final ApplicationEventPublisher events;

    RoundSnapshotService(AssessmentRoundRepository rounds, RoundReader reader, FacilityAccess access,
                         ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.reader = reader;
        this.access = access;
        this.events = events;
    }

    /**
     * The round, if the caller may read it (else NotFoundException, as for a round that does not exist). An outsider's
     * read is audited with {@code purpose}; null: part of a read already recorded (the board report's download).
     */
    @Transactional(readOnly = true)
    public RoundSnapshot snapshot(long roundId, @Nullable String purpose) {
        AssessmentRound round = reader.readable(roundId);
        if (purpose != null && reader.outsider(round.getFacilityId())) {
            events.publishEvent(AuditEvent.ofFacility(AuditAction.REPORT_DOWNLOADED, round.getFacilityId(), null,
                    purpose + ", round " + roundId));
        }
        return of(round);
    }

    /** The facility's latest submitted round, if the caller may read the facility's results. */
    @Transactional(readOnly = true)
    public Optional<RoundSnapshot> latestSubmitted(long facilityId) {
        access.require(facilityId, FacilityScope.SUBMITTED_RESULTS);
        return rounds.findFirstByFacilityIdAndStatusOrderBySubmittedAtDesc(facilityId, RoundStatus.SUBMITTED)
                .map(this::of);
    }

    private RoundSnapshot of(AssessmentRound round) {
        FacilityProfile facility = reader.facility(round.getFacilityId());
        boolean submitted = round.getStatus() == RoundStatus.SUBMITTED;
        Integer beds = round.getSnapshotBedsTotal();
        return new RoundSnapshot(round.getId(), round.getFacilityId(), submitted, round.getSubmittedAt(),
                round.roleLevels(),
                round.getSnapshotFacilityType() != null ? round.getSnapshotFacilityType() : facility.type(),
                round.getSnapshotPrefecture() != null ? round.getSnapshotPrefecture() : facility.prefecture(),
                round.getSnapshotFacilityType() != null ? round.getSnapshotAreaType() : facility.areaType(),
                beds != null ? beds : facility.bedsTotal(), facility.designations());
    }
}
