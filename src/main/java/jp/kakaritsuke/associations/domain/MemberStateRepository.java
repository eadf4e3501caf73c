package jp.kakaritsuke.associations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Associations' read model of the facilities ({@code member_state}, changeset 028; docs/design-decisions/0010): per
 * facility its name, kind, municipality and consent (copied from facility's {@code FacilityChanged} event) and its
 * assessment state (reported by the assessment through {@code MemberAssessmentFeed}), both written in the transaction
 * of the change. Associations' SQL reads this table and its own ({@code association_facility}), never another
 * module's.
 * <p>
 * Every node holds these rows in memory ({@code associations.service.MemberIndex}, decision 0012) and reads only what
 * changed: every write first takes the next number of {@code member_change} ({@link #nextChange()}: the counter row
 * stays locked until the writing transaction ends, so numbers follow commit order) and stores it in the row it
 * writes; a node that holds everything up to number {@code n} reads the rows with a greater one
 * ({@link #changedSince}). The members of a scope are read here, from {@code association_facility}'s primary key.
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

    /** A member_state row as a node's index keeps it. */
    @FunctionalInterface
    public interface RowSink {
        /** @param changeSeq the number of the row's latest change */
        void accept(MemberState state, FacilityKind kind, long changeSeq);
    }

    /*
     * Columns are named once, here; a value is read by the position its name has in the list (a first load reads a
     * million values: no lookup by name per value, and the SELECT and the reads cannot drift apart).
     */
    private static final List<String> STATE_COLUMNS = List.of("facility_id", "municipality", "consent_identified",
            "has_draft", "latest_submitted_at", "latest_round_id", "profile", "previous_profile", "previous_priorities_known",
            "facility_kind", "change_seq", "name");
    private static final int ID = 1;
    private static final int MUNICIPALITY = at(STATE_COLUMNS, "municipality");
    private static final int CONSENT = at(STATE_COLUMNS, "consent_identified");
    private static final int DRAFT = at(STATE_COLUMNS, "has_draft");
    private static final int SUBMITTED_AT = at(STATE_COLUMNS, "latest_submitted_at");
    private static final int ROUND = at(STATE_COLUMNS, "latest_round_id");
    private static final int PROFILE = at(STATE_COLUMNS, "profile");
    private static final int PREVIOUS = at(STATE_COLUMNS, "previous_profile");
    private static final int PREVIOUS_PRIORITIES = at(STATE_COLUMNS, "previous_priorities_known");
    private static final int KIND = at(STATE_COLUMNS, "facility_kind");
    private static final int CHANGE = at(STATE_COLUMNS, "change_seq");
    private static final int NAME = at(STATE_COLUMNS, "name");

    /** What is not kept of a member that did not consent is not even sent by the database. */
    private static final String WITH_CONSENT = "CASE WHEN s.consent_identified = TRUE THEN s.%1$s END AS %1$s";

    private static final String SELECT = "SELECT " + String.join(", ", STATE_COLUMNS.stream()
            .map(n -> n.equals("name") || n.equals("latest_round_id") ? WITH_CONSENT.formatted(n) : "s." + n).toList())
            + " FROM member_state s";

    private final JdbcClient jdbc;

    public MemberStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the next change number; the counter row stays locked until the caller's transaction ends. */
    long nextChange() {
        jdbc.sql("UPDATE member_change SET change_seq = change_seq + 1 WHERE id = 1").update();
        return currentChange();
    }

    /** The number of the latest committed change (as the caller's transaction sees it). */
    public long currentChange() {
        return jdbc.sql("SELECT change_seq FROM member_change WHERE id = 1").query((rs, n) -> rs.getLong("change_seq")).single();
    }

    /** Every row, streamed to {@code sink}: a node's first load. */
    public void all(RowSink sink) {
        Map<String, String> municipalities = new HashMap<>();
        jdbc.sql(SELECT).withFetchSize(FETCH).query((RowCallbackHandler) rs -> row(rs, municipalities, sink));
    }

    /** Every row changed after change number {@code change}, streamed to {@code sink}. */
    public void changedSince(long change, RowSink sink) {
        Map<String, String> municipalities = new HashMap<>();
        jdbc.sql(SELECT + " WHERE s.change_seq > :change").param("change", change).withFetchSize(FETCH)
                .query((RowCallbackHandler) rs -> row(rs, municipalities, sink));
    }

    /** The member ids of the associations: sorted, each once. */
    public long[] memberIds(Collection<Long> associationIds) {
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

    /** Reads the columns in their order: the driver walks a row from its start to go back to an earlier column. */
    private static void row(ResultSet rs, Map<String, String> municipalities, RowSink sink) throws SQLException {
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
        FacilityKind kind = FacilityKind.valueOf(rs.getString(KIND));
        long change = rs.getLong(CHANGE);
        sink.accept(new MemberState(id, rs.getString(NAME), municipality, consent, draft,
                submitted == null ? null : submitted.atZone(ZoneId.systemDefault()).toInstant(), lastRoundId, latest,
                previous, previousPriorities), kind, change);
    }

    // --- writes: only associations.service.MemberStates, in the transaction of the change it is told of ---

    /** Stores the facility's current name, kind, municipality and consent (a new facility gets its row). */
    public void facilityChanged(long facilityId, String name, FacilityKind kind, String municipality, boolean consent) {
        long change = nextChange();
        int updated = jdbc.sql("""
                UPDATE member_state SET name = :name, facility_kind = :kind, municipality = :municipality,
                       consent_identified = :consent, change_seq = :change WHERE facility_id = :id""")
                .param("name", name).param("kind", kind.name()).param("municipality", municipality)
                .param("consent", consent).param("change", change).param("id", facilityId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO member_state (facility_id, name, facility_kind, municipality, consent_identified, has_draft,
                                              previous_priorities_known, change_seq)
                    VALUES (:id, :name, :kind, :municipality, :consent, FALSE, TRUE, :change)""")
                    .param("name", name).param("kind", kind.name()).param("municipality", municipality)
                    .param("consent", consent).param("change", change).param("id", facilityId).update();
        }
    }

    /** The facility has a draft round. */
    public void draftStarted(long facilityId) {
        long change = nextChange();
        requireRow(facilityId, jdbc.sql("UPDATE member_state SET has_draft = TRUE, change_seq = ? WHERE facility_id = ?")
                .param(change).param(facilityId).update());
    }

    /** The facility submitted a round: its profile becomes the latest, the latest the previous one. */
    public void submitted(long facilityId, long roundId, Instant submittedAt, RoleLevels levels) {
        long change = nextChange();
        // previous_profile is assigned before profile: MariaDB reads the columns as updated so far, H2 as before the row
        requireRow(facilityId, jdbc.sql("""
                UPDATE member_state SET previous_profile = profile, previous_priorities_known = TRUE, has_draft = FALSE,
                       latest_round_id = :round, latest_submitted_at = :at, profile = :profile, change_seq = :change
                 WHERE facility_id = :id""")
                .param("round", roundId).param("at", Timestamp.from(submittedAt)).param("profile", levels.packed())
                .param("change", change).param("id", facilityId).update());
    }

    private static void requireRow(long facilityId, int updated) {
        if (updated != 1) {
            // every facility gets its row when it is created (FacilityChanged) or by changeset 028
            throw new IllegalStateException("no member_state row for facility " + facilityId);
        }
    }
}
