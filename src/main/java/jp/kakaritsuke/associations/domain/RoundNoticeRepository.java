package jp.kakaritsuke.associations.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Round notices (changeset 027): one row per round, member facility and kind. {@link #claim} is how a notice is
 * recorded: the unique key decides, inside the transaction that also queues the mails, which of two racing writers
 * sends them. Members are read from associations' read model ({@code member_state}), never from facility's tables.
 */
@Repository
public class RoundNoticeRepository {

    private final JdbcClient jdbc;

    public RoundNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the notice; true when this caller may send it. False when the facility already has one of that kind —
     * except a reminder that found no address before and now has recipients: that row is taken over (a conditional
     * update, so again only one writer wins). Call in the transaction that queues the mails: if it rolls back, so does
     * the claim, and the next run tries again.
     */
    public boolean claim(long roundId, long facilityId, RoundNoticeKind kind, Instant at, int recipients) {
        try {
            jdbc.sql("INSERT INTO round_notice (round_id, facility_id, notice_kind, sent_at, recipients) VALUES (?, ?, ?, ?, ?)")
                    .params(roundId, facilityId, kind.name(), Timestamp.from(at), recipients).update();
            return true;
        } catch (DuplicateKeyException taken) {
            // the statement failed, not the transaction (MariaDB and H2 roll back the statement only)
            if (kind != RoundNoticeKind.REMINDER || recipients == 0) {
                return false;
            }
            return jdbc.sql("""
                    UPDATE round_notice SET sent_at = ?, recipients = ?
                    WHERE round_id = ? AND facility_id = ? AND notice_kind = ? AND recipients = 0""")
                    .params(Timestamp.from(at), recipients, roundId, facilityId, kind.name()).update() == 1;
        }
    }

    /** The notices of the rounds. */
    public List<RoundNotice> byRounds(Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT round_id, facility_id, notice_kind, sent_at, recipients FROM round_notice
                WHERE round_id IN (:ids)""")
                .param("ids", roundIds)
                .query((rs, i) -> new RoundNotice(rs.getLong("round_id"), rs.getLong("facility_id"),
                        RoundNoticeKind.valueOf(rs.getString("notice_kind")), rs.getTimestamp("sent_at").toInstant(),
                        rs.getInt("recipients")))
                .list();
    }

    /** A member facility to tell of a round: its id and name (the mail names it). */
    public record Addressee(long facilityId, String facilityName) {
    }

    /** The member facilities of the associations, each once, by id (from associations' read model, member_state). */
    public List<Addressee> members(Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.facility_id, s.name FROM member_state s
                WHERE s.facility_id IN (""" + MemberStateRepository.MEMBERS + ") ORDER BY s.facility_id")
                .param("ids", associationIds)
                .query((rs, i) -> new Addressee(rs.getLong("facility_id"), rs.getString("name")))
                .list();
    }

    /**
     * The members of the associations still to remind of the round: nothing submitted since it opened, and no
     * reminder with recipients yet (one that found no address is tried again), by id.
     */
    public List<Addressee> toRemind(long roundId, Instant openedAt, Collection<Long> associationIds) {
        if (associationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.facility_id, s.name FROM member_state s
                WHERE s.facility_id IN (""" + MemberStateRepository.MEMBERS + """
                )
                  AND (s.latest_submitted_at IS NULL OR s.latest_submitted_at < :opened)
                  AND NOT EXISTS (SELECT 1 FROM round_notice n WHERE n.round_id = :round AND n.facility_id = s.facility_id
                                  AND n.notice_kind = 'REMINDER' AND n.recipients > 0)
                ORDER BY s.facility_id""")
                .param("ids", associationIds).param("opened", Timestamp.from(openedAt)).param("round", roundId)
                .query((rs, i) -> new Addressee(rs.getLong("facility_id"), rs.getString("name")))
                .list();
    }
}
