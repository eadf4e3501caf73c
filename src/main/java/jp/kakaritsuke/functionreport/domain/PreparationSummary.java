package jp.kakaritsuke.functionreport.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A member's preparation for one report year as an association's rollup reads it: its status, whether its answers
 * meet 1号, and its answers (choices per item code, numbers per item code). Facilities without a preparation have no
 * summary.
 */
public record PreparationSummary(long facilityId, PreparationStatus status, boolean no1Met,
                                 Map<String, List<Integer>> choices, Map<String, BigDecimal> numbers) {

    public PreparationSummary {
        choices = Map.copyOf(choices);
        numbers = Map.copyOf(numbers);
    }
}
