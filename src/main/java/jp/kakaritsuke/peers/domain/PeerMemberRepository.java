package jp.kakaritsuke.peers.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.Designation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Peers' read model ({@code peer_member}, changeset 032; docs/peers.md) and its change counter ({@code peer_change}).
 * Every change first takes the next change number ({@link #nextChange()}: the counter row stays locked until the
 * changing transaction ends, so changes commit in the order of their numbers) and stores it in the row it writes;
 * a node that loaded everything up to number {@code n} then reads exactly the rows changed since with
 * {@link #changedSince(long, Consumer)}.
 */
@Repository
public class PeerMemberRepository {

    private static final String COLUMNS = "facility_id, consenting, consent_changed_at, consent_changed_by, "
            + "latest_round_id, submitted_at, facility_kind, beds_total, area_type, prefecture, designations, profile, "
            + "change_seq";

    /** Rows per fetch of the large reads (the driver decodes while the server sends). */
    private static final int FETCH = 1000;

    private final JdbcClient jdbc;

    public PeerMemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the next change number; the counter row stays locked until the caller's transaction ends. */
    public long nextChange() {
        jdbc.sql("UPDATE peer_change SET change_seq = change_seq + 1 WHERE id = 1").update();
        return currentChange();
    }

    /** The number of the latest committed change (as the caller's transaction sees it). */
    public long currentChange() {
        return jdbc.sql("SELECT change_seq FROM peer_change WHERE id = 1")
                .query((rs, n) -> rs.getLong("change_seq")).single();
    }

    public Optional<PeerMember> find(long facilityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM peer_member WHERE facility_id = :id").param("id", facilityId)
                .query((rs, n) -> member(rs)).optional();
    }

    /** Records a submission (the facility as it was then, the round's levels) under change number {@code change}. */
    public void submitted(long facilityId, long roundId, Instant submittedAt, PeerAttributes attributes, long profile,
                          long change) {
        int updated = jdbc.sql("UPDATE peer_member SET latest_round_id = :round, submitted_at = :at, facility_kind = :kind,"
                        + " beds_total = :beds, area_type = :area, prefecture = :prefecture, designations = :designations,"
                        + " profile = :profile, change_seq = :change WHERE facility_id = :id")
                .param("round", roundId).param("at", Timestamp.from(submittedAt)).param("kind", attributes.kind().name())
                .param("beds", attributes.bedsTotal())
                .param("area", attributes.areaType() == null ? null : attributes.areaType().name())
                .param("prefecture", attributes.prefecture())
                .param("designations", PeerMember.designationsColumn(attributes.designations()))
                .param("profile", profile).param("change", change).param("id", facilityId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO peer_member (facility_id, consenting, latest_round_id, submitted_at, facility_kind,"
                            + " beds_total, area_type, prefecture, designations, profile, change_seq) VALUES (:id, FALSE,"
                            + " :round, :at, :kind, :beds, :area, :prefecture, :designations, :profile, :change)")
                    .param("round", roundId).param("at", Timestamp.from(submittedAt))
                    .param("kind", attributes.kind().name()).param("beds", attributes.bedsTotal())
                    .param("area", attributes.areaType() == null ? null : attributes.areaType().name())
                    .param("prefecture", attributes.prefecture())
                    .param("designations", PeerMember.designationsColumn(attributes.designations()))
                    .param("profile", profile).param("change", change).param("id", facilityId).update();
        }
    }

    /** Records a consent given or withdrawn under change number {@code change}. */
    public void consent(long facilityId, boolean consenting, Instant at, String by, long change) {
        int updated = jdbc.sql("UPDATE peer_member SET consenting = :consenting, consent_changed_at = :at,"
                        + " consent_changed_by = :by, change_seq = :change WHERE facility_id = :id")
                .param("consenting", consenting).param("at", Timestamp.from(at)).param("by", by)
                .param("change", change).param("id", facilityId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO peer_member (facility_id, consenting, consent_changed_at, consent_changed_by, change_seq)"
                            + " VALUES (:id, :consenting, :at, :by, :change)")
                    .param("consenting", consenting).param("at", Timestamp.from(at)).param("by", by)
                    .param("change", change).param("id", facilityId).update();
        }
    }

    /** Every row that counts (consenting, submitted), streamed to {@code sink}: an index's first load. */
    public void counted(Consumer<PeerMember> sink) {
        jdbc.sql("SELECT " + COLUMNS + " FROM peer_member WHERE consenting = TRUE AND profile IS NOT NULL")
                .withFetchSize(FETCH).query((RowCallbackHandler) rs -> sink.accept(member(rs)));
    }

    /** Every row changed after change number {@code change}, whatever it is now (a withdrawn consent included). */
    public void changedSince(long change, Consumer<PeerMember> sink) {
        jdbc.sql("SELECT " + COLUMNS + " FROM peer_member WHERE change_seq > :change").param("change", change)
                .withFetchSize(FETCH).query((RowCallbackHandler) rs -> sink.accept(member(rs)));
    }

    /** Ids of the consenting facilities (tests, the demo's check). */
    public List<Long> consentingIds() {
        return jdbc.sql("SELECT facility_id FROM peer_member WHERE consenting = TRUE ORDER BY facility_id")
                .query((rs, n) -> rs.getLong("facility_id")).list();
    }

    private static PeerMember member(ResultSet rs) throws SQLException {
        long profile = rs.getLong("profile");
        Long packed = rs.wasNull() ? null : profile;
        long round = rs.getLong("latest_round_id");
        Long roundId = rs.wasNull() ? null : round;
        String kind = rs.getString("facility_kind");
        PeerAttributes attributes = null;
        if (kind != null && packed != null) {
            String area = rs.getString("area_type");
            String prefecture = rs.getString("prefecture");
            attributes = new PeerAttributes(FacilityKind.valueOf(kind), rs.getInt("beds_total"),
                    area == null ? null : AreaType.valueOf(area), prefecture == null ? "" : prefecture,
                    designations(rs.getString("designations")));
        }
        return new PeerMember(rs.getLong("facility_id"), rs.getBoolean("consenting"),
                instant(rs.getTimestamp("consent_changed_at")), rs.getString("consent_changed_by"), roundId,
                instant(rs.getTimestamp("submitted_at")), attributes, packed, rs.getLong("change_seq"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<Designation> designations(@Nullable String column) {
        EnumSet<Designation> result = EnumSet.noneOf(Designation.class);
        if (column != null && !column.isEmpty()) {
            for (String name : column.split(",")) {
                try {
                    result.add(Designation.valueOf(name));
                } catch (IllegalArgumentException e) {
                    // a designation a later version added and this one does not know: it matches no group here
                }
            }
        }
        return result;
    }
}
