package jp.kakaritsuke.associations.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollup's one read: every member of the associations (once) with its assessment state and latest submitted levels
 * from {@code facility_assessment_state} — one compact row per facility, so the national level (100,000 members) is a
 * single pass (docs/performance.md).
 */
@Repository
public class RollupRepository {

    /** Members of any of the given associations, each once. */
    static final String MEMBERS = "SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids)";

    private final JdbcClient jdbc;

    public RollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A member and its state. {@code levels}: a character per role in the roles' order, '0'–'4' or '-';
     * {@code priorities}: '1' / '0' per role; both null when nothing was submitted yet.
     */
    public record MemberStatus(long facilityId, String name, String municipality, boolean consent, Instant lastSubmitted,
                               boolean draft, Long lastRoundId, String levels, String priorities, String previousLevels,
                               String previousPriorities) {
    }

    public List<MemberStatus> members(Collection<Long> associationIds) {
        return jdbc.sql("""
                SELECT f.id, f.name, f.municipality, f.consent_identified, s.latest_submitted_at, s.has_draft,
                       s.latest_round_id, s.levels, s.priorities, s.previous_levels, s.previous_priorities
                FROM facility f LEFT JOIN facility_assessment_state s ON s.facility_id = f.id
                WHERE f.id IN (""" + MEMBERS + ") ORDER BY f.municipality, f.name")
                .param("ids", associationIds)
                .query((rs, i) -> {
                    Timestamp last = rs.getTimestamp(5);
                    return new MemberStatus(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            last == null ? null : last.toInstant(), rs.getBoolean(6), rs.getObject(7, Long.class),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                })
                .list();
    }

    /**
     * A member as the report-readiness page counts it (issue 12): {@code association} for an association office
     * (facility type ASSOCIATION), which is a member but does not report.
     */
    public record ReportMember(long facilityId, String name, String municipality, boolean consent, boolean association) {
    }

    /** Members of any of the given associations, each once, without their assessment state. */
    public List<ReportMember> reportMembers(Collection<Long> associationIds) {
        return jdbc.sql("""
                SELECT f.id, f.name, f.municipality, f.consent_identified, f.facility_type
                FROM facility f WHERE f.id IN (""" + MEMBERS + ") ORDER BY f.municipality, f.name")
                .param("ids", associationIds)
                .query((rs, i) -> new ReportMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        "ASSOCIATION".equals(rs.getString(5))))
                .list();
    }
}
