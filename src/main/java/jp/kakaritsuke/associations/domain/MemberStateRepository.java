package jp.kakaritsuke.associations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Reading members: their ids first ({@code association_facility}, by its primary key). When they are at least a
 * quarter of the ids in their range (the nation; an association whose members were registered together) one range scan along {@code member_state}'s
 * primary key reads their rows, and the few others in the range are skipped here: the database does no join, sort or
 * temporary table for 100,000 members (its semi-join cost three times the scan). Otherwise the database picks the
 * few members' rows by their ids itself ({@code IN} over {@code association_facility}). The name and the time of
 * submission of a member that did not consent are not even sent.
 */
@Repository
public class MemberStateRepository {

    /** Members of any of the given associations (with duplicates when a facility belongs to several). */
    public static final String MEMBERS = "SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids)";

    /**
     * Rows per fetch of the large reads: MariaDB's driver then decodes rows while the server still sends the rest
     * (by default it waits for all 100,000 first); on two cores a national read took a quarter less.
     */
    static final int FETCH = 1000;

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

    /**
     * Every member of the associations, each once, by id, as the rollup counts them: the name, the latest round and
     * the time of its submission only of members that consented to be identified (the only ones listed; decoding
     * 100,000 times was a third of a national rollup). Members of one municipality share one string for it (a nation has
     * 100,000 members in under 2,000 municipalities, and the rollup groups them by it).
     */
    public List<MemberState> members(Collection<Long> associationIds) {
        return members(associationIds, false, DENSE);
    }

    /**
     * As {@link #members(Collection)}, with every member's time of submission (a round's progress compares them with
     * its opening).
     */
    public List<MemberState> membersWithSubmissionTimes(Collection<Long> associationIds) {
        return members(associationIds, true, DENSE);
    }

    /** With the range scan used from this density on (tests try both ways). */
    List<MemberState> members(Collection<Long> associationIds, boolean allTimes, int dense) {
        Map<String, String> municipalities = new HashMap<>();
        // what is not read of a member that did not consent is not even sent (nor formatted) by the database
        Map<String, String> onlyWithConsent = new HashMap<>(Map.of("name", WITH_CONSENT.formatted("name"),
                "latest_round_id", WITH_CONSENT.formatted("latest_round_id")));
        if (!allTimes) {
            onlyWithConsent.put("latest_submitted_at", WITH_CONSENT.formatted("latest_submitted_at"));
        }
        return read(associationIds, select(STATE_COLUMNS, onlyWithConsent), (rs, row) -> state(rs, municipalities), dense);
    }

    private static final String WITH_CONSENT = "CASE WHEN s.consent_identified = TRUE THEN s.%1$s END AS %1$s";

    /** The SELECT list: the columns in their order, some as an expression of the same name. */
    private static String select(List<String> names, Map<String, String> expressions) {
        return String.join(", ", names.stream().map(n -> expressions.getOrDefault(n, "s." + n)).toList());
    }

    /** Every member of the associations, each once, by id, as the report-readiness page counts them. */
    public List<ReportMember> reportMembers(Collection<Long> associationIds) {
        return read(associationIds, select(REPORT_COLUMNS, Map.of("name", WITH_CONSENT.formatted("name"))), (rs, i) -> {
            // few enough values (no role profiles) to read by name
            boolean consent = rs.getBoolean("consent_identified");
            return new ReportMember(rs.getLong("facility_id"), rs.getString("name"),
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
        jdbc.sql(MEMBERS).param("ids", associationIds).withFetchSize(FETCH).query(rs -> {
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

    private <T> List<T> read(Collection<Long> associationIds, String columns, RowMapper<T> mapper, int dense) {
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
                    .param("min", min).param("max", max).withFetchSize(FETCH)
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
            // a few members among many: the database finds them from association_facility's primary key
            result.addAll(jdbc.sql("SELECT " + columns + " FROM member_state s WHERE s.facility_id IN (" + MEMBERS
                            + ") ORDER BY s.facility_id")
                    .param("ids", associationIds).query(mapper).list());
        }
        return result;
    }

    /** Reads the columns in their order: the driver walks a row from its start to go back to an earlier column. */
    private static MemberState state(ResultSet rs, Map<String, String> municipalities) throws SQLException {
        long id = rs.getLong(ID);
        String municipality = rs.getString(MUNICIPALITY);
        if (municipality != null) {
            municipality = municipalities.computeIfAbsent(municipality, m -> m); // one string per municipality
        }
        // flags as numbers: MariaDB's driver makes a String of every boolean it reads as text (a seventh of the read)
        boolean consent = rs.getInt(CONSENT) != 0;
        boolean draft = rs.getInt(DRAFT) != 0;
        // as the local date-time it is stored as (written from an Instant in the JVM's zone by setTimestamp), turned
        // into the instant here: getTimestamp builds a Calendar per value
        LocalDateTime submitted = rs.getObject(SUBMITTED_AT, LocalDateTime.class);
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
        boolean previousPriorities = rs.getInt(PREVIOUS_PRIORITIES) != 0;
        return new MemberState(id, rs.getString(NAME), municipality, consent, draft,
                submitted == null ? null : submitted.atZone(ZoneId.systemDefault()).toInstant(), lastRoundId, latest,
                previous, previousPriorities);
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
