package jp.kakaritsuke.assessment.service;

import java.time.Instant;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.facility.domain.Designation;
import org.jspecify.annotations.Nullable;

/**
 * A round was submitted: published by {@link SubmissionService} inside the submitting transaction, so a synchronous
 * listener's read model commits and rolls back with the submission. Carries the facility as it was at submission
 * (the round keeps the same snapshot; designations are read from the facility's profile then).
 */
public record RoundSubmitted(long facilityId, long roundId, Instant submittedAt, RoleLevels levels,
                             FacilityKind kind, String prefecture, @Nullable AreaType areaType, int bedsTotal,
                             Set<Designation> designations) {

    public RoundSubmitted {
        designations = Set.copyOf(designations);
    }
}
