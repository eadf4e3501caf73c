package jp.kakaritsuke.facility.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByCodeHash(String codeHash);

    List<Invitation> findByFacilityIdOrderByCreatedAtDesc(long facilityId);

    /**
     * Marks an invitation used if it still is usable; 1 if this call won. The condition in the UPDATE (not a read
     * before it) decides between two people accepting the same code at the same moment: the second waits for the
     * first's row lock and then matches nothing.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE Invitation i SET i.acceptedAt = :now, i.acceptedUserId = :userId, i.version = i.version + 1
            WHERE i.id = :id AND i.acceptedAt IS NULL AND i.expiresAt > :now""")
    int markAccepted(long id, long userId, Instant now);
}
