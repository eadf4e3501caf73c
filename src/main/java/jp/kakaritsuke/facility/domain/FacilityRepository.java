package jp.kakaritsuke.facility.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FacilityRepository extends JpaRepository<Facility, Long>, FacilitySearchRepository {

    @Query("select f from Facility f where f.id in (select m.key.facilityId from FacilityMember m where m.key.userId = :userId) order by f.name")
    List<Facility> findByMember(long userId);

    List<Facility> findAllByOrderByNameAsc();

    /**
     * Locks the facility's row until the transaction ends (SELECT … FOR UPDATE): every change of its people takes this
     * lock first, so two of them never decide on the same list of editors.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Facility f where f.id = :id")
    Optional<Facility> lockById(long id);
}
