package jp.kakaritsuke.identity.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.jspecify.annotations.Nullable;

public interface AppUserRepository extends JpaRepository<AppUser, Long>, AppUserSearch {

    Optional<AppUser> findByUsername(String username);

    /** {@code email} lower-case (base.EmailAddress). */
    Optional<AppUser> findByEmail(String email);

    /** Accounts with failed logins or a lock, for the administrators' list (few rows: the index is not needed). */
    java.util.List<AppUser> findByFailedLoginsGreaterThanOrderByUsername(int failedLogins);

    // Login throttling writes with single UPDATEs: concurrent failed logins all count, and they never conflict with
    // the optimistic lock of someone editing the user.
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.failedLogins = u.failedLogins + 1 where u.id = :id")
    void incrementFailedLogins(@Param("id") long id);

    @Query("select u.failedLogins from AppUser u where u.id = :id")
    int failedLogins(@Param("id") long id);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.lockedUntil = :until where u.id = :id")
    void lockUntil(@Param("id") long id, @Param("until") @Nullable Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.failedLogins = 0, u.lockedUntil = null where u.id = :id")
    void clearFailedLogins(@Param("id") long id);

    // issue 13: account management. Single UPDATEs like the throttle's: no optimistic-lock conflict with a login
    // being counted at the same moment; each that must end the account's sessions raises the stamp.

    /** The row, locked until the transaction ends: one reset request at a time per account (the per-hour limit). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.id = :id")
    Optional<AppUser> lockById(@Param("id") long id);

    /** What a session compares on each request (identity.config.SessionStampFilter); empty when the account is gone. */
    @Query("select new jp.kakaritsuke.identity.domain.SessionState(u.sessionStamp, u.enabled) from AppUser u where u.username = :username")
    Optional<SessionState> sessionState(@Param("username") String username);

    @Query("select u.sessionStamp from AppUser u where u.id = :id")
    long sessionStamp(@Param("id") long id);

    /** A new password hash; every session of the account ends. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.passwordHash = :hash, u.sessionStamp = u.sessionStamp + 1 where u.id = :id")
    void setPassword(@Param("id") long id, @Param("hash") String hash);

    /** Disables or enables; every session of the account ends either way (a disabled one must, an enabled one has none). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.enabled = :enabled, u.sessionStamp = u.sessionStamp + 1 where u.id = :id")
    void setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

    /** {@code email} lower-case (base.EmailAddress). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.email = :email where u.id = :id")
    void setEmail(@Param("id") long id, @Param("email") String email);
}
