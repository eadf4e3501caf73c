package jp.kakaritsuke.associations.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
                SELECT r.id, r.association_id, a.name, r.name, r.opened_at, r.deadline
                FROM association_round r JOIN association a ON a.id = r.association_id
                WHERE r.association_id IN (:ids) ORDER BY r.opened_at DESC, r.id DESC""")
                .param("ids", associationIds)
                .query((rs, i) -> new AssociationRound(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getDate(6).toLocalDate()))
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
                SELECT r.id, r.association_id, a.name, r.name, r.opened_at, r.deadline
                FROM association_round r JOIN association a ON a.id = r.association_id
                WHERE r.deadline >= ? AND r.deadline <= ? AND r.opened_at < ? ORDER BY r.deadline, r.id""")
                .params(Date.valueOf(from), Date.valueOf(to), Timestamp.from(openedBefore))
                .query((rs, i) -> new AssociationRound(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getDate(6).toLocalDate()))
                .list();
    }
}
