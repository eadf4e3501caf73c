package jp.kakaritsuke.functionreport.domain;

import java.util.Map;

/**
 * An item pre-filled from a self-assessment answer because the questionnaire version asks <em>the same question</em>
 * (same wording, choices and period): {@code choiceMap} maps the indicator's answer (an assessment {@code Choice} name)
 * to the report's choice code. Only such pairs exist; a conclusion such as 「在宅医療: 有り」 never pre-fills an item.
 */
public record PrefillRule(String itemCode, int questionnaireVersion, String indicatorCode, Map<String, Integer> choiceMap,
                          String noteJa, String noteEn) {

    public PrefillRule {
        choiceMap = Map.copyOf(choiceMap);
    }
}
