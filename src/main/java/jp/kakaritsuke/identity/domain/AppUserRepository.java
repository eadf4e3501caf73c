package jp.kakaritsuke.identity.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

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
    void lockUntil(@Param("id") long id, @Param("until") Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update AppUser u set u.failedLogins = 0, u.lockedUntil = null where u.id = :id")
    void clearFailedLogins(@Param("id") long id);
}
