package jp.kakaritsuke.functionreport.domain;

import java.util.List;
import java.util.Map;

/**
 * Whether the answers meet 1号機能: every item marked (★) ({@link ReportItem#requiredForNo1()}) answered with a choice
 * that {@link ReportChoice#fulfils() fulfils} it (for the 17 areas: at least one area). {@code missing}: the (★) items
 * answered but not fulfilled; {@code unanswered}: the (★) items without an answer. Only a facility with 1号 reports 2号.
 */
public record No1Check(boolean met, List<String> missing, List<String> unanswered) {

    public No1Check {
        missing = List.copyOf(missing);
        unanswered = List.copyOf(unanswered);
    }

    /** Pure; implemented with its tests in the preparation stream. */
    public static No1Check evaluate(ReportEdition edition, Map<String, PreparationAnswer> answers) {
        throw new UnsupportedOperationException("CONTRACT: implemented by the preparation stream");
    }
}
