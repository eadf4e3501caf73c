package jp.kakaritsuke.associations.service;

import java.time.Instant;
import jp.kakaritsuke.associations.domain.MemberStateRepository;
import jp.kakaritsuke.base.FacilityChanged;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps associations' read model of the facilities ({@code member_state}, docs/design-decisions/0010) from what it is
 * told, inside the transaction that made the change (MANDATORY: a change rolled back leaves no trace here): the
 * facility's name, kind, municipality and consent from facility.service's {@link FacilityChanged} (a synchronous
 * listener), its assessment state from the assessment ({@link MemberAssessmentFeed}). Nothing else writes the table.
 * Not reachable from a view or the API.
 */
@Service
class MemberStates implements MemberAssessmentFeed {

    private final MemberStateRepository states;

    MemberStates(MemberStateRepository states) {
        this.states = states;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void facilityChanged(FacilityChanged event) {
        states.facilityChanged(event.facilityId(), event.name(), event.kind(), event.municipality(), event.consentIdentified());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void draftStarted(long facilityId) {
        states.draftStarted(facilityId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void submitted(long facilityId, long roundId, Instant submittedAt, RoleLevels levels) {
        states.submitted(facilityId, roundId, submittedAt, levels);
    }
}
