package jp.kakaritsuke.peers.domain;

import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.jspecify.annotations.Nullable;

/**
 * One role's levels (0–4) among the consenting facilities of a group that answered the role, and where the facility
 * stands. Quartiles are whole levels (docs/peers.md says how they are taken).
 *
 * @param facilityLevel the facility's level in the round compared (null: not answered)
 * @param spread null when fewer facilities than the threshold answered this role
 */
public record RoleDistribution(RoleCode role, @Nullable Integer facilityLevel, @Nullable Spread spread) {

    /**
     * @param count facilities with a level for this role (at least the threshold)
     * @param percentile the facility's percentile rank (0–100) among them; null when it has no level
     */
    public record Spread(int count, int q1, int median, int q3, @Nullable Integer percentile) {
    }
}
