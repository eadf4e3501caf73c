package jp.kakaritsuke.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.AuditAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit table, append-only: this class can insert and read, and has no way to change or delete a record
 * (on MariaDB triggers refuse it too, changelog 016).
 */
@Repository
public class AuditEventRepository {

    /** How many member facilities make a scope large (see {@link #scope}). */
    static final int LARGE_SCOPE = 5_000;

    private static final String COLUMNS = "id, occurred_at, action, actor, subject, facility_id, association_id, remote_address, detail";

    private final JdbcClient jdbc;

    public AuditEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditRecord r) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, action, actor, subject, facility_id, association_id, remote_address, detail)"
                        + " VALUES (:at, :action, :actor, :subject, :facility, :association, :address, :detail)")
                .param("at", Timestamp.from(r.occurredAt()))
                .param("action", r.action().name())
                .param("actor", r.actor(), Types.VARCHAR)
                .param("subject", r.subject(), Types.VARCHAR)
                .param("facility", r.facilityId(), Types.BIGINT)
                .param("association", r.associationId(), Types.BIGINT)
                .param("address", r.remoteAddress(), Types.VARCHAR)
                .param("detail", r.detail(), Types.VARCHAR)
                .update();
    }

    /**
     * One page, newest first, in one query. {@code scope} null: everything (system administrators); otherwise what an
     * association administrator may read ({@link AuditScope}).
     */
    public List<AuditRecord> find(AuditQuery query, AuditScope scope, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, scope, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(params).query(AuditEventRepository::map).list();
    }

    public long count(AuditQuery query, AuditScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, scope, params);
        return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
    }

    private static String where(AuditQuery q, AuditScope scope, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (scope != null) {
            conditions.add(scope(scope, params));
        }
        if (q.action() != null) {
            conditions.add("action = :action");
            params.put("action", q.action().name());
        }
        if (q.actor() != null) {
            conditions.add("actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.facilityId() != null) {
            conditions.add("facility_id = :facility");
            params.put("facility", q.facilityId());
        }
        if (q.associationId() != null) {
            conditions.add("association_id = :association");
            params.put("association", q.associationId());
        }
        if (q.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * {@link AuditScope} as a condition; a set that is empty leaves its part out (SQL has no empty IN list). The member
     * facilities (a national association: every facility) are written as number literals — they are Java longs, so
     * nothing can be injected, and no driver limit on parameters applies (a server-side prepared statement takes at
     * most 65,535). Above {@value #LARGE_SCOPE} of them the column is wrapped in an expression: MariaDB's range optimizer
     * would otherwise weigh every id as a range of ix_audit_facility, which alone took most of a second for 100,000 ids
     * (docs/design-decisions/0007); the page then reads ix_audit_occurred newest first as it does without a scope.
     */
    private static String scope(AuditScope scope, Map<String, Object> params) {
        params.put("scope", scope.associations());
        if (scope.memberFacilities().isEmpty()) {
            return "association_id IN (:scope)";
        }
        String members = scope.memberFacilities().stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        String column = scope.memberFacilities().size() > LARGE_SCOPE ? "(facility_id + 0)" : "facility_id";
        String byMembers = "action IN ('CONSENT_GIVEN', 'CONSENT_WITHDRAWN')";
        if (!scope.staff().isEmpty()) {
            params.put("staff", scope.staff());
            byMembers = "(" + byMembers + " OR actor IN (:staff))";
        }
        return "(association_id IN (:scope) OR (" + column + " IN (" + members + ") AND " + byMembers + "))";
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                AuditAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getString("subject"),
                rs.getObject("facility_id", Long.class), rs.getObject("association_id", Long.class),
                rs.getString("remote_address"), rs.getString("detail"));
    }
}
