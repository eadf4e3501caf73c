package jp.kakaritsuke.peers.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A facility's round among its peers: per role, the distribution and its position — or nothing, with the reason.
 *
 * @param group the attributes of the group (null for the recommended peers, who are chosen by distance)
 * @param size consenting facilities in the group (0 when withheld as TOO_FEW: the exact number below the threshold
 *             is not told)
 * @param withheld why nothing is shown; null when the roles carry the statistics
 */
public record PeerComparison(Kind kind, @Nullable PeerGroup group, int size, @Nullable Withheld withheld,
                             List<RoleDistribution> roles) {

    public PeerComparison {
        roles = List.copyOf(roles);
    }

    public enum Kind { DEFAULT, CUSTOM, RECOMMENDED }

    /** Why a comparison shows no statistics (i18n {@code peers.withheld.<NAME>}). */
    public enum Withheld {
        /** the facility has not chosen to count in peer statistics (give to get) */
        NO_CONSENT,
        /** the round is not submitted */
        NOT_SUBMITTED,
        /** fewer consenting facilities than the threshold */
        TOO_FEW,
        /** associations are not compared with each other */
        NOT_COMPARABLE
    }
}
