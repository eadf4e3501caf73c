package jp.kakaritsuke.associations.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rounds associations open. A round is never edited once opened (only read, with its association's name, in sets):
 * JdbcClient, columns by name (docs/design-decisions/0007).
 */
@Repository
public class AssociationRoundRepository {

    private final JdbcClient jdbc;

    public AssociationRoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(long associationId, String name, Instant openedAt, LocalDate deadline) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO association_round (association_id, name, opened_at, deadline) VALUES (?, ?, ?, ?)")
                .params(associationId, name, Timestamp.from(openedAt), Date.valueOf(deadline)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Rounds opened by any of the associations, newest first. */
    public List<AssociationRound> byAssociations(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT r.id, r.association_id, a.name AS association_name, r.name AS round_name, r.opened_at, r.deadline
                FROM association_round r JOIN association a ON a.id = r.association_id
                WHERE r.association_id IN (:ids) ORDER BY r.opened_at DESC, r.id DESC""")
                .param("ids", associationIds)
                .query(AssociationRoundRepository::round)
                .list();
    }

    /** The associations a facility is a direct member of. */
    public List<Long> associationsOfFacility(long facilityId) {
        return jdbc.sql("SELECT association_id FROM association_facility WHERE facility_id = ?").param(facilityId)
                .query(Long.class).list();
    }

    /**
     * Rounds whose deadline lies between {@code from} and {@code to} (both included) and that opened before
     * {@code openedBefore}: the ones to remind of, oldest deadline first.
     */
    public List<AssociationRound> due(LocalDate from, LocalDate to, Instant openedBefore) {
        return jdbc.sql("""
                SELECT r.id, r.association_id, a.name AS association_name, r.name AS round_name, r.opened_at, r.deadline
                FROM association_round r JOIN association a ON a.id = r.association_id
                WHERE r.deadline >= ? AND r.deadline <= ? AND r.opened_at < ? ORDER BY r.deadline, r.id""")
                .params(Date.valueOf(from), Date.valueOf(to), Timestamp.from(openedBefore))
                .query(AssociationRoundRepository::round)
                .list();
    }

    /**
     * Restates when a round opened (the demo's history: the services always use the present). Only the demo calls it,
     * through {@code associations.service.AssociationRoundBackdating}.
     */
    public boolean restateOpenedAt(long roundId, Instant openedAt) {
        return jdbc.sql("UPDATE association_round SET opened_at = ? WHERE id = ?")
                .params(Timestamp.from(openedAt), roundId).update() == 1;
    }

    private static AssociationRound round(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AssociationRound(rs.getLong("id"), rs.getLong("association_id"), rs.getString("association_name"),
                rs.getString("round_name"), rs.getTimestamp("opened_at").toInstant(), rs.getDate("deadline").toLocalDate());
    }
}
