package jp.kakaritsuke.peers.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A facility's benchmarking consent: whether its submitted levels count, anonymously, in peer statistics. Off until an
 * editor chooses; withdrawable with immediate effect.
 *
 * @param changedAt null until first chosen
 * @param canChange the current user is an editor of the facility
 */
public record PeerConsent(long facilityId, boolean consenting, @Nullable Instant changedAt,
                          @Nullable String changedBy, boolean canChange) {
}
