package jp.kakaritsuke.peers.service;

import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerConsent;
import jp.kakaritsuke.peers.domain.PeerGroup;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Issue 15 contract (stream A implements): a round among its peers, and the facility's benchmarking consent. Read
 * like the round's results (FacilityScope.SUBMITTED_RESULTS); consent changed only by the facility's editors.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PeerService {

    /** The default group: same kind; bed band for hospitals; area type; region — as the round was submitted. */
    public PeerComparison defaultGroup(long roundId) {
        throw new UnsupportedOperationException("issue 15 stream A");
    }

    /** A group by attributes; a group that fails {@code PeerGroup.validate()} throws InvalidInputException. */
    public PeerComparison group(long roundId, PeerGroup group) {
        throw new UnsupportedOperationException("issue 15 stream A");
    }

    /** The recommended peers: the N most similar consenting facilities by the weighted distance (docs/peers.md). */
    public PeerComparison recommended(long roundId) {
        throw new UnsupportedOperationException("issue 15 stream A");
    }

    /** The default group's attributes for a round (what the UI's group form starts from). */
    public PeerGroup defaultGroupOf(long roundId) {
        throw new UnsupportedOperationException("issue 15 stream A");
    }

    public PeerConsent consent(long facilityId) {
        throw new UnsupportedOperationException("issue 15 stream A");
    }

    /** Gives or withdraws the consent; effective for the next statistics on every node. Editors only. */
    public PeerConsent setConsent(long facilityId, boolean consenting) {
        throw new UnsupportedOperationException("issue 15 stream A");
    }
}
