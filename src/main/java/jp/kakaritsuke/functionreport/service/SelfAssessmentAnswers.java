package jp.kakaritsuke.functionreport.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which a preparation reads the facility's latest submitted self-assessment, for the items a
 * {@link jp.kakaritsuke.functionreport.domain.PrefillRule} pre-fills. Implemented by the assessment module (which thus
 * depends on this one, not the other way round). The implementation checks the caller's access to the facility.
 */
public interface SelfAssessmentAnswers {

    /** The latest submitted round of the facility, if any. */
    Optional<Submission> latestSubmitted(long facilityId);

    /**
     * {@code choices}: indicator code → the assessment {@code Choice} name given ("PROVIDED", "YES" …);
     * {@code numbers}: indicator code → the number given.
     */
    record Submission(long roundId, int questionnaireVersion, Instant submittedAt, Map<String, String> choices,
                      Map<String, BigDecimal> numbers) {
        public Submission {
            choices = Map.copyOf(choices);
            numbers = Map.copyOf(numbers);
        }
    }
}
