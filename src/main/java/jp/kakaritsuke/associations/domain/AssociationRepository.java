package jp.kakaritsuke.associations.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hierarchy, read whole, and the association's link rows — its member facilities (association_facility) and its
 * administrators (association_user) — which are only ever inserted, deleted and read in sets: JdbcClient, columns by
 * name (docs/design-decisions/0007). Renaming and moving an association go through {@link AssociationEntity}. Facts
 * about the member facilities themselves (name, consent, who joined) are the facility module's
 * (facility.service.FacilityDirectory); this class names only this module's tables.
 */
@Repository
public class AssociationRepository {

    private final JdbcClient jdbc;

    public AssociationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AssociationTree tree() {
        return new AssociationTree(jdbc.sql("SELECT id, name, association_level, prefecture, parent_id FROM association")
                .query((rs, i) -> new Association(rs.getLong("id"), rs.getString("name"),
                        AssociationLevel.valueOf(rs.getString("association_level")), rs.getString("prefecture"),
                        rs.getObject("parent_id", Long.class)))
                .list());
    }

    // ---- member facilities (association_facility) ----

    /** A facility's membership of an association: since when. */
    public record Membership(long facilityId, Instant joinedAt) {
    }

    public void addFacility(long associationId, long facilityId, Instant now) {
        jdbc.sql("INSERT INTO association_facility (association_id, facility_id, joined_at) VALUES (?, ?, ?)")
                .params(associationId, facilityId, Timestamp.from(now)).update();
    }

    /** Ends the membership; {@code false} when the facility was not (or no longer) a member. */
    public boolean removeFacility(long associationId, long facilityId) {
        return jdbc.sql("DELETE FROM association_facility WHERE association_id = ? AND facility_id = ?")
                .params(associationId, facilityId).update() == 1;
    }

    public boolean memberOfAny(long facilityId, Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM association_facility WHERE facility_id = :facility AND association_id IN (:ids)")
                .param("facility", facilityId).param("ids", associationIds).query(Integer.class).single() > 0;
    }

    /** The association's direct members (not those of the associations below it). */
    public List<Membership> memberships(long associationId) {
        return jdbc.sql("SELECT facility_id, joined_at FROM association_facility WHERE association_id = ?")
                .param(associationId).query(AssociationRepository::membership).list();
    }

    /** The facility's direct membership of the association, if it is one. */
    public Optional<Membership> membership(long associationId, long facilityId) {
        return jdbc.sql("SELECT facility_id, joined_at FROM association_facility WHERE association_id = ? AND facility_id = ?")
                .params(associationId, facilityId).query(AssociationRepository::membership).optional();
    }

    /** The members of any of the associations (each once). */
    public Set<Long> memberIds(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT facility_id FROM association_facility WHERE association_id IN (:ids)")
                .param("ids", associationIds).query(Long.class).list());
    }

    private static Membership membership(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Membership(rs.getLong("facility_id"), rs.getTimestamp("joined_at").toInstant());
    }

    // ---- administrators (association_user) ----

    /** A person's appointment as an administrator of an association: since when. */
    public record Appointment(long userId, Instant since) {
    }

    public void addUser(long associationId, long userId, Instant now) {
        jdbc.sql("INSERT INTO association_user (association_id, user_id, created_at) VALUES (?, ?, ?)")
                .params(associationId, userId, Timestamp.from(now)).update();
    }

    /** Associations the user administers directly (their subtrees come from the tree). */
    public List<Long> associationsOf(long userId) {
        return jdbc.sql("SELECT association_id FROM association_user WHERE user_id = ?").param(userId).query(Long.class).list();
    }

    /** An association's administrators, longest-serving first. */
    public List<Appointment> administrators(long associationId) {
        return jdbc.sql("SELECT user_id, created_at FROM association_user WHERE association_id = ? ORDER BY created_at, user_id")
                .param(associationId)
                .query((rs, i) -> new Appointment(rs.getLong("user_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The administrators of any of the associations (each once). */
    public Set<Long> administratorIds(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT user_id FROM association_user WHERE association_id IN (:ids)")
                .param("ids", associationIds).query(Long.class).list());
    }

    public boolean isAdministrator(long associationId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM association_user WHERE association_id = ? AND user_id = ?")
                .params(associationId, userId).query(Integer.class).single() > 0;
    }

    public boolean removeAdministrator(long associationId, long userId) {
        return jdbc.sql("DELETE FROM association_user WHERE association_id = ? AND user_id = ?")
                .params(associationId, userId).update() == 1;
    }
}
