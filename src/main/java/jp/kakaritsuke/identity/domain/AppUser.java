package jp.kakaritsuke.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who logs in. The password is only ever stored hashed. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "system_role", nullable = false, length = 20)
    private SystemRole systemRole;

    /** Lower-case (base.EmailAddress); null only for accounts made before addresses were asked for (issue 13). */
    @Column(length = 254, unique = true)
    private String email;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Consecutive failed logins (identity.service.LoginThrottle, which writes them with single UPDATEs). */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Raised whenever the account's sessions must end (disabled, forced reset, new password): identity.config.SessionStampFilter. */
    @Column(name = "session_stamp", nullable = false)
    private long sessionStamp;

    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, SystemRole systemRole, Instant createdAt) {
        this(username, passwordHash, displayName, null, systemRole, createdAt);
    }

    public AppUser(String username, String passwordHash, String displayName, String email, SystemRole systemRole,
                   Instant createdAt) {
        this.email = email;
        this.username = normalizeUsername(username);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.systemRole = systemRole;
        this.createdAt = createdAt;
    }

    /**
     * User names are compared case-insensitively and without surrounding blanks; they are stored normalised because
     * the MariaDB tables use a binary collation (docs/design-decisions/0003).
     */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public SystemRole getSystemRole() {
        return systemRole;
    }

    public String getEmail() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public long getSessionStamp() {
        return sessionStamp;
    }
}
