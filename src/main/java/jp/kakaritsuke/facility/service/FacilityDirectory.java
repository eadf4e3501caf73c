package jp.kakaritsuke.facility.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import jp.kakaritsuke.facility.domain.FacilityListing;
import jp.kakaritsuke.facility.domain.FacilitySetRepository;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.kakaritsuke.facility.domain.FacilityMember;
import jp.kakaritsuke.facility.domain.FacilityMemberRepository;
import jp.kakaritsuke.facility.domain.MemberRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts about facilities for other modules' services that have already decided what their caller may know: who to
 * notify (an association opening a round for its members, the reminder job: account ids only), and what an
 * association's register and checks need of its members (consent, whether someone has joined, name, kind and
 * municipality), many at once. No authorisation here (the reminder job has no user): every caller checks its own
 * scope first, and none of these reaches a view unfiltered. The facility module's SQL stays in the facility module.
 */
@Service
public class FacilityDirectory {

    private final FacilityMemberRepository members;
    private final FacilitySetRepository sets;

    public FacilityDirectory(FacilityMemberRepository members, FacilitySetRepository sets) {
        this.members = members;
        this.sets = sets;
    }

    /** The register facts (name, kind, municipality, consent, joined by someone) of those of the facilities that exist. */
    @Transactional(readOnly = true)
    public Map<Long, FacilityListing> listings(Collection<Long> facilityIds) {
        if (facilityIds.isEmpty()) {
            return Map.of();
        }
        members.flush(); // the SQL below sees this transaction's pending entity changes
        return sets.listings(facilityIds);
    }

    /** Those of the facilities that let their associations see their results identified. */
    @Transactional(readOnly = true)
    public Set<Long> consenting(Collection<Long> facilityIds) {
        if (facilityIds.isEmpty()) {
            return Set.of();
        }
        members.flush();
        return sets.consenting(facilityIds);
    }

    /** Those of the facilities nobody has joined yet (registered by an association, their first invitation open). */
    @Transactional(readOnly = true)
    public Set<Long> withoutMembers(Collection<Long> facilityIds) {
        if (facilityIds.isEmpty()) {
            return Set.of();
        }
        members.flush();
        Set<Long> joined = sets.withMembers(facilityIds);
        Set<Long> result = new HashSet<>(facilityIds);
        result.removeAll(joined);
        return result;
    }

    /** The editors' account ids of each facility (facilities without editors are absent). */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> editors(Collection<Long> facilityIds) {
        if (facilityIds.isEmpty()) {
            return Map.of();
        }
        return members.findByFacilitiesAndRole(facilityIds, MemberRole.EDITOR).stream()
                .collect(Collectors.groupingBy(FacilityMember::getFacilityId, TreeMap::new,
                        Collectors.mapping(FacilityMember::getUserId, Collectors.toList())));
    }
}
