package jp.kakaritsuke.associations.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Invitations of association administrators, the same way as facility invitations (facility.domain.InvitationRepository):
 * each change of state is one conditional UPDATE whose condition (not a read before it) decides between two people
 * acting on the same invitation at once; it returns 1 when this call won.
 */
public interface AssociationInvitationRepository extends JpaRepository<AssociationInvitation, Long> {

    Optional<AssociationInvitation> findByCodeHash(String codeHash);

    /** The association's invitations, newest first. */
    List<AssociationInvitation> findByAssociationIdOrderByCreatedAtDescIdDesc(long associationId);

    /**
     * Marks the invitation used if it still is open. The code's hash is part of the condition: a code replaced by a
     * resend in the meantime no longer matches.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE AssociationInvitation i SET i.acceptedAt = :now, i.acceptedUserId = :userId
            WHERE i.id = :id AND i.codeHash = :codeHash AND i.acceptedAt IS NULL AND i.revokedAt IS NULL
              AND i.expiresAt > :now""")
    int markAccepted(long id, String codeHash, long userId, Instant now);

    /**
     * Replaces the code of an invitation nobody has used or revoked (open or expired): the old code stops working, the
     * new one is valid until {@code expiresAt}.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE AssociationInvitation i SET i.codeHash = :codeHash, i.expiresAt = :expiresAt, i.resentAt = :now
            WHERE i.id = :id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL""")
    int renew(long id, String codeHash, Instant now, Instant expiresAt);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            UPDATE AssociationInvitation i SET i.revokedAt = :now
            WHERE i.id = :id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL""")
    int markRevoked(long id, Instant now);
}
