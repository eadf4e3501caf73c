package jp.kakaritsuke.peers.domain;

import java.time.Instant;
import java.util.Set;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code peer_member}: a facility's benchmarking consent and, once it submitted, what it was at its latest
 * submission.
 *
 * @param attributes null until a submission is known
 * @param profile RoleLevels.packed() of the latest submission; null with the attributes
 * @param changeSeq the change number of the row's latest change ({@code peer_change})
 */
public record PeerMember(long facilityId, boolean consenting, @Nullable Instant consentChangedAt,
                         @Nullable String consentChangedBy, @Nullable Long latestRoundId,
                         @Nullable Instant submittedAt, @Nullable PeerAttributes attributes, @Nullable Long profile,
                         long changeSeq) {

    /** Counts in peer statistics: consenting, with a submission. */
    public boolean counted() {
        return consenting && attributes != null && profile != null;
    }

    public @Nullable RoleLevels levels() {
        return profile == null ? null : RoleLevels.ofPacked(profile);
    }

    /** The designations as stored (names, comma-separated; unknown names from a later version are skipped). */
    static String designationsColumn(Set<jp.kakaritsuke.facility.domain.Designation> designations) {
        return designations.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }
}
