package jp.kakaritsuke.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed logins of user names no account has (table {@code login_name_failure}, changelog 029), shared by every node
 * like an account's count in {@code app_user}: the throttle treats both alike so its answers do not tell which names
 * exist. Keyed by the SHA-256 of the normalised name (the table holds no name). Single statements, so concurrent
 * failures on several nodes all count.
 */
@Repository
public class LoginNameFailureRepository {

    /** A name's failures and its lock (null: none, or until an administrator would unlock). */
    public record NameFailures(int failures, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    public LoginNameFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String key(String normalisedName) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(normalisedName).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<NameFailures> find(String key) {
        return jdbc.sql("SELECT failures, locked_until FROM login_name_failure WHERE name_hash = :key").param("key", key)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("locked_until");
                    return new NameFailures(rs.getInt("failures"), until == null ? null : until.toInstant());
                }).optional();
    }

    /** One more failure of the name; returns whether it is new (its first failure). */
    public boolean countFailure(String key, Instant now) {
        if (increment(key, now)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO login_name_failure (name_hash, failures, last_failure_at) VALUES (:key, 1, :now)")
                    .param("key", key).param("now", Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException anotherNodeFirst) {
            increment(key, now);
            return false;
        }
    }

    private boolean increment(String key, Instant now) {
        return jdbc.sql("UPDATE login_name_failure SET failures = failures + 1, last_failure_at = :now WHERE name_hash = :key")
                .param("now", Timestamp.from(now)).param("key", key).update() == 1;
    }

    public void lockUntil(String key, Instant until) {
        jdbc.sql("UPDATE login_name_failure SET locked_until = :until WHERE name_hash = :key")
                .param("until", until == null ? null : Timestamp.from(until), Types.TIMESTAMP).param("key", key).update();
    }

    /**
     * Keeps about the {@code capacity} names that failed most recently (an attacker cannot grow the table without
     * limit): names whose last failure is older than the {@code capacity + 1}-th most recent one go.
     */
    public void keepMostRecent(int capacity) {
        jdbc.sql("SELECT last_failure_at FROM login_name_failure ORDER BY last_failure_at DESC LIMIT 1 OFFSET :capacity")
                .param("capacity", capacity).query((rs, n) -> rs.getTimestamp("last_failure_at")).optional()
                .ifPresent(cutoff -> jdbc.sql("DELETE FROM login_name_failure WHERE last_failure_at < :cutoff")
                        .param("cutoff", cutoff).update());
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) AS n FROM login_name_failure").query((rs, i) -> rs.getInt("n")).single();
    }
}
