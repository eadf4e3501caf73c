package jp.kakaritsuke.associations.service;

import java.time.Instant;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;

/**
 * What the association rollups learn of a member's assessment. The rollups' compact state of each member is
 * associations' own read model; the assessment reports into it here, inside the transaction that starts or submits a
 * round (so the rollup never sees a submission that rolled back). Not reachable from a view or the API.
 */
public interface MemberAssessmentFeed {

    /** The facility has a draft round. */
    void draftStarted(long facilityId);

    /** The facility submitted {@code roundId}: its latest levels and priorities replace the previous ones. */
    void submitted(long facilityId, long roundId, Instant submittedAt, RoleLevels levels);
}
