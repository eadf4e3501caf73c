package jp.kakaritsuke.assessment.service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.assessment.domain.AnswerChange;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;

/** Compares two answer views of a role with the domain's rule ({@link AnswerChange}). */
final class AnswerChanges {

    private AnswerChanges() {
    }

    static List<AnswerChange> between(RoleAnswerView before, RoleAnswerView after) {
        // both maps are in the questionnaire's order; codes only the earlier answer has come last
        Set<String> codes = new LinkedHashSet<>(after.indicators().keySet());
        codes.addAll(before.indicators().keySet());
        return AnswerChange.between(after.roleCode(), List.copyOf(codes), side(before), side(after));
    }

    private static AnswerChange.Side side(RoleAnswerView v) {
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        v.indicators().forEach((code, a) -> {
            if (a != null && (a.number() != null || a.choice() != null)) {
                values.put(code, new IndicatorValue(a.number(), a.choice()));
            }
        });
        return new AnswerChange.Side(v.level(), v.priority(), v.note(), values);
    }
}
