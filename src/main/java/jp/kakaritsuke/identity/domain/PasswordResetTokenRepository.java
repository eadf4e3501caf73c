package jp.kakaritsuke.identity.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, Long> {

    @EntityGraph(attributePaths = "user")
    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    /** Requested (not forced) links of an account since {@code since}: the per-hour limit. */
    long countByUserIdAndForcedFalseAndCreatedAtGreaterThanEqual(long userId, Instant since);

    /** Uses the link up if it still may be: 1 when this call won, 0 when it was used, expired or another call won. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = :now where t.id = :id and t.usedAt is null and t.expiresAt > :now")
    int use(@Param("id") long id, @Param("now") Instant now);

    /** Every other open link of the account dies with a new password (whoever set it). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = :now where t.user.id = :userId and t.usedAt is null")
    int useAllOf(@Param("userId") long userId, @Param("now") Instant now);

    /** Old rows of an account (kept a day for the per-hour limit and for support questions). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from PasswordResetToken t where t.user.id = :userId and t.createdAt < :before")
    int deleteOlderThan(@Param("userId") long userId, @Param("before") Instant before);
}
