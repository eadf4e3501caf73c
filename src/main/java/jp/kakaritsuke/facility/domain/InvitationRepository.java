package jp.kakaritsuke.facility.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.jspecify.annotations.Nullable;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByCodeHash(String codeHash);

    List<Invitation> findByFacilityIdOrderByCreatedAtDesc(long facilityId);

    /**
     * Marks an invitation used if it still is usable; 1 if this call won. The condition in the UPDATE (not a read
     * before it) decides between two people accepting the same code at the same moment: the second waits for the
     * first's row lock and then matches nothing. The code's hash is part of the condition: a code replaced by a resend
     * in the meantime no longer matches.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE Invitation i SET i.acceptedAt = :now, i.acceptedUserId = :userId, i.version = i.version + 1
            WHERE i.id = :id AND i.codeHash = :codeHash AND i.acceptedAt IS NULL AND i.revokedAt IS NULL
              AND i.expiresAt > :now""")
    int markAccepted(long id, String codeHash, long userId, Instant now);

    /**
     * Revokes an invitation nobody has accepted; 1 if this call did it. Decided in the UPDATE like
     * {@link #markAccepted}: of a revoke and an accept at the same moment exactly one wins.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE Invitation i SET i.revokedAt = :now, i.version = i.version + 1
            WHERE i.id = :id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL""")
    int markRevoked(long id, Instant now);

    /**
     * Gives an invitation nobody has accepted or revoked a new code, expiry and address (a resend); 1 if this call did
     * it. The old code's hash is gone, so its link stops working in the same commit.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE Invitation i SET i.codeHash = :codeHash, i.expiresAt = :expiresAt, i.inviteeEmail = :email,
                   i.resentAt = :now, i.version = i.version + 1
            WHERE i.id = :id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL""")
    int renew(long id, String codeHash, @Nullable String email, Instant now, Instant expiresAt);
}
