package jp.kakaritsuke.peers.service;

import jp.kakaritsuke.assessment.service.RoundSubmitted;
import jp.kakaritsuke.peers.domain.PeerAttributes;
import jp.kakaritsuke.peers.domain.PeerMemberRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code peer_member} from the assessment's {@link RoundSubmitted}, in the submitting transaction (MANDATORY: a
 * submission rolled back leaves no trace here): the facility as it was then and the round's levels, whatever its
 * consent (a consent given later counts them at once). Not reachable from a view or the API.
 */
@Service
class PeerMembers {

    private final PeerMemberRepository members;

    PeerMembers(PeerMemberRepository members) {
        this.members = members;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void roundSubmitted(RoundSubmitted event) {
        long change = members.nextChange();
        members.submitted(event.facilityId(), event.roundId(), event.submittedAt(),
                new PeerAttributes(event.kind(), event.bedsTotal(), event.areaType(), event.prefecture(),
                        event.designations()), event.levels().packed(), change);
    }
}
