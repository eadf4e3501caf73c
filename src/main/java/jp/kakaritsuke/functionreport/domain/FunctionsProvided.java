package jp.kakaritsuke.functionreport.domain;

import java.util.Map;
import java.util.Set;

/**
 * Which 2号 functions the answers show as present: a function counts when any one of its items is 「実施している」 or
 * 「実績がある」 (G/17) — a fulfilling choice, a number above 0, or a non-empty name list. What the 院内掲示 draft lists.
 */
public final class FunctionsProvided {

    private FunctionsProvided() {
    }

    public static Set<ReportFunction> of(ReportEdition edition, Map<String, PreparationAnswer> answers) {
        throw new UnsupportedOperationException("CONTRACT: implemented by the preparation stream");
    }
}
