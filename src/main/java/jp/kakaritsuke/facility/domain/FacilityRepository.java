package jp.kakaritsuke.facility.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FacilityRepository extends JpaRepository<Facility, Long> {

    @Query("select f from Facility f where f.id in (select m.key.facilityId from FacilityMember m where m.key.userId = :userId) order by f.name")
    List<Facility> findByMember(long userId);

    List<Facility> findAllByOrderByNameAsc();
}
