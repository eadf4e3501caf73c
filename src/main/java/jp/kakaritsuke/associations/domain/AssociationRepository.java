package jp.kakaritsuke.associations.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Associations, their member facilities and their administrators (plain JDBC: small rows, set-based reads). */
@Repository
public class AssociationRepository {

    private final JdbcClient jdbc;

    public AssociationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AssociationTree tree() {
        return new AssociationTree(jdbc.sql("SELECT id, name, association_level, prefecture, parent_id FROM association")
                .query((rs, i) -> new Association(rs.getLong(1), rs.getString(2), AssociationLevel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, Long.class)))
                .list());
    }

    public long create(String name, AssociationLevel level, String prefecture, Long parentId, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO association (name, association_level, prefecture, parent_id, created_at, version) VALUES (?, ?, ?, ?, ?, 0)")
                .params(name, level.name(), prefecture, parentId, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void addFacility(long associationId, long facilityId, Instant now) {
        jdbc.sql("INSERT INTO association_facility (association_id, facility_id, joined_at) VALUES (?, ?, ?)")
                .params(associationId, facilityId, Timestamp.from(now)).update();
    }

    public void addUser(long associationId, long userId, Instant now) {
        jdbc.sql("INSERT INTO association_user (association_id, user_id, created_at) VALUES (?, ?, ?)")
                .params(associationId, userId, Timestamp.from(now)).update();
    }

    /** Associations the user administers directly (their subtrees come from the tree). */
    public List<Long> associationsOf(long userId) {
        return jdbc.sql("SELECT association_id FROM association_user WHERE user_id = ?").param(userId).query(Long.class).list();
    }

    public boolean memberOfAny(long facilityId, Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM association_facility WHERE facility_id = :facility AND association_id IN (:ids)")
                .param("facility", facilityId).param("ids", associationIds).query(Integer.class).single() > 0;
    }

    /** Names and municipalities of the members of the associations (for duplicate checks on import). */
    public List<String[]> memberNames(Collection<Long> associationIds) {
        return jdbc.sql("""
                SELECT f.name, f.municipality FROM facility f
                WHERE f.id IN (SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids))""")
                .param("ids", associationIds)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** Members of the associations that nobody has joined yet (their first user's invitation is still open). */
    public java.util.Set<Long> membersWithoutUsers(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT af.facility_id FROM association_facility af
                WHERE af.association_id IN (:ids)
                  AND NOT EXISTS (SELECT 1 FROM facility_member fm WHERE fm.facility_id = af.facility_id)""")
                .param("ids", associationIds).query(Long.class).list());
    }

    /** Whether the facility is a member of any of the associations and consented to be seen identified. */
    public boolean consentingMemberOfAny(long facilityId, Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM association_facility af JOIN facility f ON f.id = af.facility_id
                WHERE af.facility_id = :facility AND af.association_id IN (:ids) AND f.consent_identified = TRUE""")
                .param("facility", facilityId).param("ids", associationIds).query(Integer.class).single() > 0;
    }

    /** The members of the associations that consented to be seen identified. */
    public java.util.Set<Long> consentingMembers(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT af.facility_id FROM association_facility af JOIN facility f ON f.id = af.facility_id
                WHERE af.association_id IN (:ids) AND f.consent_identified = TRUE""")
                .param("ids", associationIds).query(Long.class).list());
    }

    // issue 13 (associations people): rename, move, the member list, removing and moving members

    /** The association's optimistic-locking version, if it exists. */
    public java.util.Optional<Long> version(long associationId) {
        return jdbc.sql("SELECT version FROM association WHERE id = ?").param(associationId).query(Long.class).optional();
    }

    /** Renames the association if nobody changed it since {@code expectedVersion}; {@code false} otherwise. */
    public boolean rename(long associationId, long expectedVersion, String name) {
        return jdbc.sql("UPDATE association SET name = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(name, associationId, expectedVersion).update() == 1;
    }

    /** Puts the association under another parent (null: top level) if nobody changed it since {@code expectedVersion}. */
    public boolean moveUnder(long associationId, long expectedVersion, Long parentId) {
        return jdbc.sql("UPDATE association SET parent_id = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(parentId, associationId, expectedVersion).update() == 1;
    }

    /**
     * A direct member of an association as its register lists it: no results, no people. {@code consenting}: the
     * facility lets its associations see it identified; {@code staffed}: someone has joined it.
     */
    public record Member(long facilityId, String name, String facilityType, String municipality, boolean consenting,
                         boolean staffed, Instant joinedAt) {
    }

    private static final String MEMBER_COLUMNS = """
            SELECT f.id, f.name, f.facility_type, f.municipality, f.consent_identified,
                   CASE WHEN EXISTS (SELECT 1 FROM facility_member fm WHERE fm.facility_id = f.id) THEN 1 ELSE 0 END,
                   af.joined_at
            FROM association_facility af JOIN facility f ON f.id = af.facility_id
            """;

    /** The association's direct members (not those of the associations below it), by name. */
    public List<Member> members(long associationId) {
        return jdbc.sql(MEMBER_COLUMNS + "WHERE af.association_id = ? ORDER BY f.name, f.id").param(associationId)
                .query(AssociationRepository::mapMember).list();
    }

    /** One direct member of the association, if the facility is one. */
    public java.util.Optional<Member> member(long associationId, long facilityId) {
        return jdbc.sql(MEMBER_COLUMNS + "WHERE af.association_id = ? AND af.facility_id = ?").params(associationId, facilityId)
                .query(AssociationRepository::mapMember).optional();
    }

    private static Member mapMember(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getInt(6) == 1, rs.getTimestamp(7).toInstant());
    }

    /** Ends the membership; {@code false} when the facility was not (or no longer) a member. */
    public boolean removeFacility(long associationId, long facilityId) {
        return jdbc.sql("DELETE FROM association_facility WHERE association_id = ? AND facility_id = ?")
                .params(associationId, facilityId).update() == 1;
    }
}
