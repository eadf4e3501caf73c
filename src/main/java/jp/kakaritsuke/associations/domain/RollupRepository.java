package jp.kakaritsuke.associations.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollup's reads, aggregated in SQL (the national level has 100,000 members): member status, and counts of the
 * members' latest submitted answers by municipality, role, level and priority.
 */
@Repository
public class RollupRepository {

    /** Members of any of the given associations, each once. */
    static final String MEMBERS = "SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids)";
    /**
     * The members' latest submission times, as a derived table joined once (a correlated subquery per answer row was
     * 5× slower on the national data set, docs/performance.md).
     */
    static final String LATEST = """
            (SELECT r2.facility_id, MAX(r2.submitted_at) AS latest FROM assessment_round r2
             WHERE r2.status = 'SUBMITTED' AND r2.facility_id IN (""" + MEMBERS + """
            ) GROUP BY r2.facility_id)""";

    private final JdbcClient jdbc;

    public RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record MemberStatus(long facilityId, String name, String municipality, boolean consent, Instant lastSubmitted,
                               boolean draft, Long lastRoundId) {
    }

    public record AnswerCount(String municipality, String roleCode, Integer level, boolean priority, int facilities) {
    }

    public record MemberLevel(long facilityId, String roleCode, Integer level) {
    }

    public List<MemberStatus> members(Collection<Long> associationIds) {
        return jdbc.sql("""
                SELECT f.id, f.name, f.municipality, f.consent_identified, l.latest,
                       (SELECT COUNT(*) FROM assessment_round d WHERE d.facility_id = f.id AND d.status = 'DRAFT'),
                       (SELECT MAX(lr.id) FROM assessment_round lr
                        WHERE lr.facility_id = f.id AND lr.status = 'SUBMITTED' AND lr.submitted_at = l.latest)
                FROM facility f LEFT JOIN """ + LATEST + """
                 l ON l.facility_id = f.id
                WHERE f.id IN (""" + MEMBERS + ") ORDER BY f.municipality, f.name")
                .param("ids", associationIds)
                .query((rs, i) -> {
                    Timestamp last = rs.getTimestamp(5);
                    return new MemberStatus(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            last == null ? null : last.toInstant(), rs.getInt(6) > 0, rs.getObject(7, Long.class));
                })
                .list();
    }

    public List<AnswerCount> answerCounts(Collection<Long> associationIds) {
        return jdbc.sql("""
                SELECT f.municipality, ra.role_code, ra.level, ra.priority, COUNT(*)
                FROM role_answer ra
                JOIN assessment_round r ON r.id = ra.round_id AND r.status = 'SUBMITTED'
                JOIN """ + LATEST + """
                 l ON l.facility_id = r.facility_id AND l.latest = r.submitted_at
                JOIN facility f ON f.id = r.facility_id
                GROUP BY f.municipality, ra.role_code, ra.level, ra.priority""")
                .param("ids", associationIds)
                .query((rs, i) -> new AnswerCount(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
                        rs.getBoolean(4), rs.getInt(5)))
                .list();
    }

    /** Levels of the latest submitted round of the consenting members only. */
    public List<MemberLevel> consentingLevels(Collection<Long> associationIds) {
        return jdbc.sql("""
                SELECT f.id, ra.role_code, ra.level
                FROM role_answer ra
                JOIN assessment_round r ON r.id = ra.round_id AND r.status = 'SUBMITTED'
                JOIN """ + LATEST + """
                 l ON l.facility_id = r.facility_id AND l.latest = r.submitted_at
                JOIN facility f ON f.id = r.facility_id
                WHERE f.consent_identified = TRUE""")
                .param("ids", associationIds)
                .query((rs, i) -> new MemberLevel(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class)))
                .list();
    }
}
