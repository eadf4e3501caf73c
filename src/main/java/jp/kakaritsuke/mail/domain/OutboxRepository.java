package jp.kakaritsuke.mail.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Every change of state after the insert is one conditional UPDATE: a mail is claimed only if it
 * is still due, and an attempt records its outcome only while it still holds the claim (its token), so two nodes,
 * or a node and a late retry, never both send or both record one mail.
 */
@Repository
public class OutboxRepository {

    private static final String COLUMNS = "id, created_at, kind, recipient, recipient_name, user_id, facility_id,"
            + " association_id, subject, body, link, state, attempts, next_attempt_at, last_attempt_at, last_error, delivered_at";

    /** Due: waiting and its time has come, or claimed by an attempt whose node stopped before it recorded anything. */
    private static final String DUE = "((state = 'PENDING' AND next_attempt_at <= :now)"
            + " OR (state = 'SENDING' AND claimed_until < :now))";

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new mail to store; {@code state} PENDING (due at {@code createdAt}) or KEPT. */
    public record NewMail(Instant createdAt, String kind, String recipient, String recipientName, Long userId,
                          Long facilityId, Long associationId, String subject, String body, String link, MailState state) {
    }

    public long insert(NewMail mail) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mail_outbox (created_at, kind, recipient, recipient_name, user_id, facility_id, association_id,"
                        + " subject, body, link, state, attempts, next_attempt_at)"
                        + " VALUES (:at, :kind, :recipient, :name, :user, :facility, :association, :subject, :body, :link,"
                        + " :state, 0, :next)")
                .param("at", Timestamp.from(mail.createdAt()))
                .param("kind", mail.kind())
                .param("recipient", mail.recipient())
                .param("name", mail.recipientName())
                .param("user", mail.userId(), Types.BIGINT)
                .param("facility", mail.facilityId(), Types.BIGINT)
                .param("association", mail.associationId(), Types.BIGINT)
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("link", mail.link(), Types.VARCHAR)
                .param("state", mail.state().name())
                .param("next", mail.state() == MailState.PENDING ? Timestamp.from(mail.createdAt()) : null, Types.TIMESTAMP)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<OutboxMail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id").param("id", id)
                .query(OutboxRepository::map).optional();
    }

    /** Ids above {@code afterId} of mails due at {@code now}, oldest first. */
    public List<Long> dueIds(Instant now, long afterId, int limit) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE id > :after AND " + DUE + " ORDER BY id LIMIT :limit")
                .param("now", Timestamp.from(now)).param("after", afterId).param("limit", limit)
                .query(Long.class).list();
    }

    /**
     * Takes the mail for one attempt if it is due: SENDING, held by {@code token} until {@code leaseUntil}, one more
     * attempt counted. False when it is not due (delivered, failed, kept, waiting, or held by another attempt).
     */
    public boolean claim(long id, String token, Instant now, Instant leaseUntil) {
        return jdbc.sql("UPDATE mail_outbox SET state = 'SENDING', claim_token = :token, claimed_until = :until,"
                        + " attempts = attempts + 1, last_attempt_at = :now WHERE id = :id AND " + DUE)
                .param("token", token).param("until", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
                .param("id", id)
                .update() == 1;
    }

    /** The attempt holding {@code token} delivered the mail: the body without its link is what stays. */
    public boolean delivered(long id, String token, Instant now, String bodyWithoutLink) {
        return jdbc.sql("UPDATE mail_outbox SET state = 'DELIVERED', delivered_at = :now, body = :body, link = NULL,"
                        + " claim_token = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = NULL"
                        + " WHERE id = :id AND state = 'SENDING' AND claim_token = :token")
                .param("now", Timestamp.from(now)).param("body", bodyWithoutLink).param("id", id).param("token", token)
                .update() == 1;
    }

    /** The attempt holding {@code token} failed; the mail waits until {@code nextAttempt}. */
    public boolean retryLater(long id, String token, Instant nextAttempt, String error) {
        return jdbc.sql("UPDATE mail_outbox SET state = 'PENDING', next_attempt_at = :next, last_error = :error,"
                        + " claim_token = NULL, claimed_until = NULL WHERE id = :id AND state = 'SENDING' AND claim_token = :token")
                .param("next", Timestamp.from(nextAttempt)).param("error", error).param("id", id).param("token", token)
                .update() == 1;
    }

    /** The attempt holding {@code token} failed and was the last one allowed. */
    public boolean failed(long id, String token, String error) {
        return jdbc.sql("UPDATE mail_outbox SET state = 'FAILED', next_attempt_at = NULL, last_error = :error,"
                        + " claim_token = NULL, claimed_until = NULL WHERE id = :id AND state = 'SENDING' AND claim_token = :token")
                .param("error", error).param("id", id).param("token", token)
                .update() == 1;
    }

    /** A failed mail gets a fresh series of attempts, the first one now. False if it is not FAILED (any more). */
    public boolean retryFailed(long id, Instant now) {
        return jdbc.sql("UPDATE mail_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = :now"
                        + " WHERE id = :id AND state = 'FAILED'")
                .param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    /** One page of the administrator's list, newest first. */
    public List<OutboxMail> find(OutboxQuery query, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox" + where + " ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(params).query(OutboxRepository::map).list();
    }

    public long count(OutboxQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox" + where).params(params).query(Long.class).single();
    }

    private static String where(OutboxQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            conditions.add("(recipient LIKE :text ESCAPE '!' OR recipient_name LIKE :text ESCAPE '!')");
            params.put("text", "%" + q.text().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.state() != null) {
            conditions.add("state = :state");
            params.put("state", q.state().name());
        }
        if (q.kind() != null) {
            conditions.add("kind = :kind");
            params.put("kind", q.kind());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(rs.getLong("id"), instant(rs, "created_at"), rs.getString("kind"), rs.getString("recipient"),
                rs.getString("recipient_name"), rs.getObject("user_id", Long.class), rs.getObject("facility_id", Long.class),
                rs.getObject("association_id", Long.class), rs.getString("subject"), rs.getString("body"),
                rs.getString("link"), MailState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getString("last_error"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
