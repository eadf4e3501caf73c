package jp.kakaritsuke.facility.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FacilityMemberRepository extends JpaRepository<FacilityMember, FacilityMember.Key> {

    @Query("select m from FacilityMember m where m.key.facilityId = :facilityId and m.key.userId = :userId")
    Optional<FacilityMember> find(long facilityId, long userId);

    @Query("select m from FacilityMember m where m.key.facilityId = :facilityId order by m.createdAt")
    List<FacilityMember> findByFacility(long facilityId);

    @Query("select m from FacilityMember m where m.key.facilityId in :facilityIds and m.role = :role")
    List<FacilityMember> findByFacilitiesAndRole(java.util.Collection<Long> facilityIds, MemberRole role);

    /** How many editors the facility has besides the given account (the "never without an editor" rule). */
    @Query("select count(m) from FacilityMember m where m.key.facilityId = :facilityId and m.role = jp.kakaritsuke.facility.domain.MemberRole.EDITOR and m.key.userId <> :userId")
    long countOtherEditors(long facilityId, long userId);

    /** How many members of each role the facilities of one page of the administrator's list have. */
    @Query("""
            select new jp.kakaritsuke.facility.domain.MemberRoleCount(m.key.facilityId, m.role, count(m))
            from FacilityMember m where m.key.facilityId in :facilityIds group by m.key.facilityId, m.role""")
    List<MemberRoleCount> countByFacilityAndRole(java.util.Collection<Long> facilityIds);
}
