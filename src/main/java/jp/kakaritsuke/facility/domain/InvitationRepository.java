package jp.kakaritsuke.facility.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByCodeHash(String codeHash);

    List<Invitation> findByFacilityIdOrderByCreatedAtDesc(long facilityId);
}
