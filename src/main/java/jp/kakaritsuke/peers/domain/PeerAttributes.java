package jp.kakaritsuke.peers.domain;

import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.facility.domain.Designation;
import org.jspecify.annotations.Nullable;

/**
 * What peer groups compare of a facility, as it was when it submitted its latest round (the round keeps the same
 * snapshot): never its name, town or id outside the peers module.
 *
 * @param areaType null when the facility gave none (then it matches no group that asks for an area type)
 */
public record PeerAttributes(FacilityKind kind, int bedsTotal, @Nullable AreaType areaType, String prefecture,
                             Set<Designation> designations) {

    public PeerAttributes {
        designations = Set.copyOf(designations);
    }

    public BedBand bedBand() {
        return BedBand.of(kind, bedsTotal);
    }

    public @Nullable Region region() {
        return Region.of(prefecture);
    }
}
