package jp.kakaritsuke.peers.domain;

import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.facility.domain.Designation;
import org.jspecify.annotations.Nullable;

/**
 * A peer group by attributes: facilities of {@code kind} that match every attribute given (null = any). The same
 * record for the default group, a group a user defines in the UI and one asked for over the API; {@code validate()}
 * (stream A) is the one rule both use.
 *
 * @param prefecture a prefecture's name (facility.domain.Prefectures); at most one of region and prefecture
 * @param designations the facility must hold all of these
 */
public record PeerGroup(FacilityKind kind, @Nullable BedBand bedBand, @Nullable AreaType areaType,
                        @Nullable Region region, @Nullable String prefecture, Set<Designation> designations) {

    public PeerGroup {
        designations = Set.copyOf(designations);
    }
}
