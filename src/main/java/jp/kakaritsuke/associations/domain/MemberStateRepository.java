package jp.kakaritsuke.associations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Associations' read model of the facilities ({@code member_state}, changeset 028; docs/design-decisions/0010): per
 * facility its name, kind, municipality and consent (copied from facility's {@code FacilityChanged} event) and its
 * assessment state (reported by the assessment through {@code MemberAssessmentFeed}), both written in the transaction
 * of the change. Associations' SQL reads this table and its own ({@code association_facility}), never another
 * module's.
 * <p>
 * Reading members: their ids first ({@code association_facility}, by its primary key), then their rows. When the
 * members are most of the ids in their range (a national or prefectural rollup) one range scan along the primary key
 * reads them, skipping the few others; otherwise they are read by id, {@value #CHUNK} at a time. Either way the
 * database does no join, sort or temporary table, and the name of a member that did not consent is never read.
 */
@Repository
public class MemberStateRepository {

    /** Members of any of the given associations (with duplicates when a facility belongs to several). */
    public static final String MEMBERS = "SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids)";

    /** Ids per {@code IN} list when members are read by id. */
    static final int CHUNK = 1000;

    /** A range scan is used when the members are at least 1 in this many of the ids in their range. */
    static final int DENSE = 4;

    /*
     * Columns are named once, here; a value is read by the position its name has in the list (a national rollup reads
     * a million values: no lookup by name per value, and the SELECT and the reads cannot drift apart).
     */
    private static final List<String> STATE_COLUMNS = List.of("facility_id", "municipality", "consent_identified",
            "has_draft", "latest_submitted_at", "latest_round_id", "profile", "previous_profile", "previous_priorities_known",
            "name");
    private static final int ID = 1;
    private static final int MUNICIPALITY = at(STATE_COLUMNS, "municipality");
    private static final int CONSENT = at(STATE_COLUMNS, "consent_identified");
    private static final int DRAFT = at(STATE_COLUMNS, "has_draft");
    private static final int SUBMITTED_AT = at(STATE_COLUMNS, "latest_submitted_at");
    private static final int ROUND = at(STATE_COLUMNS, "latest_round_id");
    private static final int PROFILE = at(STATE_COLUMNS, "profile");
    private static final int PREVIOUS = at(STATE_COLUMNS, "previous_profile");
    private static final int PREVIOUS_PRIORITIES = at(STATE_COLUMNS, "previous_priorities_known");
    private static final int NAME = at(STATE_COLUMNS, "name");

    private static final List<String> REPORT_COLUMNS = List.of("facility_id", "municipality", "consent_identified",
            "facility_kind", "name");

    private final JdbcClient jdbc;

    public MemberStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every member of the associations, each once, by id. */
    public List<MemberState> members(Collection<Long> associationIds) {
        return read(associationIds, STATE_COLUMNS, MemberStateRepository::state, DENSE);
    }

    /** As {@link #members(Collection)}, with the range scan used from this density on (tests try both ways). */
    List<MemberState> members(Collection<Long> associationIds, int dense) {
        return read(associationIds, STATE_COLUMNS, MemberStateRepository::state, dense);
    }

    /** Every member of the associations, each once, by id, as the report-readiness page counts them. */
    public List<ReportMember> reportMembers(Collection<Long> associationIds) {
        return read(associationIds, REPORT_COLUMNS, (rs, i) -> {
            // few enough values (no role profiles) to read by name
            boolean consent = rs.getBoolean("consent_identified");
            return new ReportMember(rs.getLong("facility_id"), consent ? rs.getString("name") : null,
                    rs.getString("municipality"), consent, FacilityKind.valueOf(rs.getString("facility_kind")) == FacilityKind.ASSOCIATION);
        }, DENSE);
    }

    /** The member ids of the associations: sorted, each once. */
    long[] memberIds(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return new long[0];
        }
        long[][] ids = {new long[1024]};
        int[] n = {0};
        jdbc.sql(MEMBERS).param("ids", associationIds).query(rs -> {
            if (n[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
            }
            ids[0][n[0]++] = rs.getLong("facility_id");
        });
        long[] sorted = Arrays.copyOf(ids[0], n[0]);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private static int at(List<String> columns, String name) {
        return columns.indexOf(name) + 1;
    }

    private <T> List<T> read(Collection<Long> associationIds, List<String> names, RowMapper<T> mapper, int dense) {
        String columns = String.join(", ", names.stream().map("s."::concat).toList());
        long[] ids = memberIds(associationIds);
        if (ids.length == 0) {
            return List.of();
        }
        List<T> result = new ArrayList<>(ids.length);
        long min = ids[0];
        long max = ids[ids.length - 1];
        if (max - min + 1 <= (long) ids.length * dense) {
            int[] next = {0};
            jdbc.sql("SELECT " + columns + " FROM member_state s WHERE s.facility_id BETWEEN :min AND :max ORDER BY s.facility_id")
                    .param("min", min).param("max", max)
                    .query(rs -> {
                        long id = rs.getLong(ID);
                        while (next[0] < ids.length && ids[next[0]] < id) {
                            next[0]++;
                        }
                        if (next[0] < ids.length && ids[next[0]] == id) {
                            result.add(mapper.mapRow(rs, result.size()));
                        }
                    });
        } else {
            for (int from = 0; from < ids.length; from += CHUNK) {
                List<Long> chunk = new ArrayList<>(Math.min(CHUNK, ids.length - from));
                for (int i = from; i < Math.min(ids.length, from + CHUNK); i++) {
                    chunk.add(ids[i]);
                }
                result.addAll(jdbc.sql("SELECT " + columns + " FROM member_state s WHERE s.facility_id IN (:ids) ORDER BY s.facility_id")
                        .param("ids", chunk).query(mapper).list());
            }
        }
        return result;
    }

    private static MemberState state(ResultSet rs, int row) throws SQLException {
        boolean consent = rs.getBoolean(CONSENT);
        Timestamp submitted = rs.getTimestamp(SUBMITTED_AT);
        long roundId = rs.getLong(ROUND);
        Long lastRoundId = rs.wasNull() ? null : roundId;
        long latest = rs.getLong(PROFILE);
        if (rs.wasNull()) {
            latest = MemberState.NONE;
        }
        long previous = rs.getLong(PREVIOUS);
        if (rs.wasNull()) {
            previous = MemberState.NONE;
        }
        return new MemberState(rs.getLong(ID), consent ? rs.getString(NAME) : null, rs.getString(MUNICIPALITY), consent,
                rs.getBoolean(DRAFT), submitted == null ? null : submitted.toInstant(), lastRoundId, latest, previous,
                rs.getBoolean(PREVIOUS_PRIORITIES));
    }

    // --- writes: only associations.service.MemberStates, in the transaction of the change it is told of ---

    /** Stores the facility's current name, kind, municipality and consent (a new facility gets its row). */
    public void facilityChanged(long facilityId, String name, FacilityKind kind, String municipality, boolean consent) {
        int updated = jdbc.sql("""
                UPDATE member_state SET name = :name, facility_kind = :kind, municipality = :municipality,
                       consent_identified = :consent WHERE facility_id = :id""")
                .param("name", name).param("kind", kind.name()).param("municipality", municipality)
                .param("consent", consent).param("id", facilityId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO member_state (facility_id, name, facility_kind, municipality, consent_identified, has_draft,
                                              previous_priorities_known)
                    VALUES (:id, :name, :kind, :municipality, :consent, FALSE, TRUE)""")
                    .param("name", name).param("kind", kind.name()).param("municipality", municipality)
                    .param("consent", consent).param("id", facilityId).update();
        }
    }

    /** The facility has a draft round. */
    public void draftStarted(long facilityId) {
        requireRow(facilityId, jdbc.sql("UPDATE member_state SET has_draft = TRUE WHERE facility_id = ?").param(facilityId).update());
    }

    /** The facility submitted a round: its profile becomes the latest, the latest the previous one. */
    public void submitted(long facilityId, long roundId, Instant submittedAt, RoleLevels levels) {
        // previous_profile is assigned before profile: MariaDB reads the columns as updated so far, H2 as before the row
        requireRow(facilityId, jdbc.sql("""
                UPDATE member_state SET previous_profile = profile, previous_priorities_known = TRUE, has_draft = FALSE,
                       latest_round_id = :round, latest_submitted_at = :at, profile = :profile WHERE facility_id = :id""")
                .param("round", roundId).param("at", Timestamp.from(submittedAt)).param("profile", levels.packed())
                .param("id", facilityId).update());
    }

    private static void requireRow(long facilityId, int updated) {
        if (updated != 1) {
            // every facility gets its row when it is created (FacilityChanged) or by changeset 028
            throw new IllegalStateException("no member_state row for facility " + facilityId);
        }
    }
}
