package jp.kakaritsuke.facility.service;

import java.util.Collection;
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
 * Who to notify at facilities, for services that have already decided the caller may (an association opening a round
 * for its members, the reminder job). No authorisation here: it returns account ids only, never to a view.
 */
@Service
public class FacilityDirectory {

    private final FacilityMemberRepository members;

    public FacilityDirectory(FacilityMemberRepository members) {
        this.members = members;
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
