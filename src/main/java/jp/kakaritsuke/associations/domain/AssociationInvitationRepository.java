package jp.kakaritsuke.associations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Invitations of association administrators and the administrators themselves (plain JDBC, like the tree). */
@Repository
public class AssociationInvitationRepository {

    private static final String COLUMNS = "id, association_id, invitee_name, invitee_email, created_by, created_at, expires_at,"
            + " accepted_at, revoked_at, resent_at";

    private final JdbcClient jdbc;

    public AssociationInvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(long associationId, String codeHash, String inviteeName, String inviteeEmail, long createdBy,
                       Instant now, Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO association_invitation (association_id, code_hash, invitee_name, invitee_email, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(associationId, codeHash, inviteeName, inviteeEmail, createdBy, Timestamp.from(now), Timestamp.from(expiresAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<AssociationInvitation> findByCodeHash(String codeHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM association_invitation WHERE code_hash = ?").param(codeHash)
                .query(AssociationInvitationRepository::map).optional();
    }

    public Optional<AssociationInvitation> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM association_invitation WHERE id = ?").param(id)
                .query(AssociationInvitationRepository::map).optional();
    }

    public List<AssociationInvitation> byAssociation(long associationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM association_invitation WHERE association_id = ? ORDER BY created_at DESC, id DESC")
                .param(associationId).query(AssociationInvitationRepository::map).list();
    }

    /** Display names of users (who issued an invitation), by id. */
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, display_name FROM app_user WHERE id IN (:ids)").param("ids", userIds)
                .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    /**
     * Marks the invitation used, only if it still is open: of two people accepting the same code at once, exactly one
     * gets {@code true}.
     */
    public boolean markAccepted(long id, long userId, Instant now) {
        return jdbc.sql("""
                UPDATE association_invitation SET accepted_at = ?, accepted_user_id = ?
                WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
                .params(Timestamp.from(now), userId, id, Timestamp.from(now)).update() == 1;
    }

    /**
     * Replaces the code of an invitation nobody has used or revoked (open or expired): the old code stops working, the
     * new one is valid until {@code expiresAt}. {@code false} when it was accepted or revoked meanwhile.
     */
    public boolean replaceCode(long id, String codeHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                UPDATE association_invitation SET code_hash = ?, expires_at = ?, resent_at = ?
                WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL""")
                .params(codeHash, Timestamp.from(expiresAt), Timestamp.from(now), id).update() == 1;
    }

    public boolean markRevoked(long id, Instant now) {
        return jdbc.sql("UPDATE association_invitation SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** An association's administrators with their names, longest-serving first. */
    public List<Administrator> administrators(long associationId) {
        return jdbc.sql("""
                SELECT u.id, u.display_name, u.username, au.created_at FROM association_user au JOIN app_user u ON u.id = au.user_id
                WHERE au.association_id = ? ORDER BY au.created_at, u.id""")
                .param(associationId)
                .query((rs, i) -> new Administrator(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public boolean isAdministrator(long associationId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM association_user WHERE association_id = ? AND user_id = ?")
                .params(associationId, userId).query(Integer.class).single() > 0;
    }

    public boolean removeAdministrator(long associationId, long userId) {
        return jdbc.sql("DELETE FROM association_user WHERE association_id = ? AND user_id = ?")
                .params(associationId, userId).update() == 1;
    }

    public record Administrator(long userId, String displayName, String username, Instant since) {
    }

    private static AssociationInvitation map(ResultSet rs, int row) throws SQLException {
        return new AssociationInvitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
