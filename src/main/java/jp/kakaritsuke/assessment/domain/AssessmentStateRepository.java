package jp.kakaritsuke.assessment.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps {@code facility_assessment_state}: whether a facility has a draft, and its latest submitted round in compact
 * form (a character per role). Written by the assessment service in the transaction that starts or submits a round;
 * read by the association rollups.
 */
@Repository
public class AssessmentStateRepository {

    private final JdbcClient jdbc;

    public AssessmentStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void draftStarted(long facilityId) {
        if (jdbc.sql("UPDATE facility_assessment_state SET has_draft = TRUE WHERE facility_id = ?").param(facilityId).update() == 0) {
            jdbc.sql("INSERT INTO facility_assessment_state (facility_id, has_draft) VALUES (?, TRUE)").param(facilityId).update();
        }
    }

    /** Keeps the levels and priorities replaced by a new submission as {@code previous_*} (assigned first: MariaDB evaluates left to right). */
    public void submitted(long facilityId, long roundId, Instant submittedAt, String levels, String priorities) {
        int updated = jdbc.sql("""
                UPDATE facility_assessment_state SET previous_levels = levels, previous_priorities = priorities, has_draft = FALSE, latest_round_id = ?,
                       latest_submitted_at = ?, levels = ?, priorities = ? WHERE facility_id = ?""")
                .params(roundId, Timestamp.from(submittedAt), levels, priorities, facilityId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO facility_assessment_state (facility_id, has_draft, latest_round_id, latest_submitted_at, levels, priorities)
                    VALUES (?, FALSE, ?, ?, ?, ?)""")
                    .params(facilityId, roundId, Timestamp.from(submittedAt), levels, priorities).update();
        }
    }

    /** levels as stored: '0'–'4' per role in the given order, '-' where no level is given. */
    public static String encodeLevels(List<Integer> levels) {
        StringBuilder s = new StringBuilder();
        levels.forEach(l -> s.append(l == null ? '-' : (char) ('0' + l)));
        return s.toString();
    }

    public static String encodeFlags(List<Boolean> flags) {
        StringBuilder s = new StringBuilder();
        flags.forEach(f -> s.append(Boolean.TRUE.equals(f) ? '1' : '0'));
        return s.toString();
    }
}
