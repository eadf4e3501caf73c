package jp.kakaritsuke.associations.service;

import java.sql.Timestamp;
import java.time.Instant;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * CONTRACT placeholder (issue 14): writes {@code facility_assessment_state} as the assessment's repository did; stream R
 * replaces it with the associations' read model.
 */
@Service
class MemberAssessmentStates implements MemberAssessmentFeed {

    private final JdbcClient jdbc;

    MemberAssessmentStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void draftStarted(long facilityId) {
        if (jdbc.sql("UPDATE facility_assessment_state SET has_draft = TRUE WHERE facility_id = ?").param(facilityId).update() == 0) {
            jdbc.sql("INSERT INTO facility_assessment_state (facility_id, has_draft) VALUES (?, TRUE)").param(facilityId).update();
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void submitted(long facilityId, long roundId, Instant submittedAt, RoleLevels levels) {
        int updated = jdbc.sql("""
                UPDATE facility_assessment_state SET previous_levels = levels, previous_priorities = priorities, has_draft = FALSE, latest_round_id = ?,
                       latest_submitted_at = ?, levels = ?, priorities = ? WHERE facility_id = ?""")
                .params(roundId, Timestamp.from(submittedAt), levels.levelsColumn(), levels.prioritiesColumn(), facilityId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO facility_assessment_state (facility_id, has_draft, latest_round_id, latest_submitted_at, levels, priorities)
                    VALUES (?, FALSE, ?, ?, ?, ?)""")
                    .params(facilityId, roundId, Timestamp.from(submittedAt), levels.levelsColumn(), levels.prioritiesColumn()).update();
        }
    }
}
