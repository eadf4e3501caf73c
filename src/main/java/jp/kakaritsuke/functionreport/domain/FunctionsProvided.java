package jp.kakaritsuke.functionreport.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which 2号 functions the answers show as present: a function counts when any one of its items is 「実施している」 or
 * 「実績がある」 (G/17) — a fulfilling choice, a number above 0, or a non-empty name list. What the 院内掲示 draft lists.
 */
public final class FunctionsProvided {

    private FunctionsProvided() {
    }

    /**
     * Pure; the 2号 functions only ((イ)–(ニ)), in their order. Free text (特記事項) shows nothing by itself, and an
     * item not asked (its controlling choice not given) does not count. Whether the facility reports 2号 at all (1号
     * met) is the caller's to say: the answers are shown as they are.
     */
    public static Set<ReportFunction> of(ReportEdition edition, Map<String, PreparationAnswer> answers) {
        Set<ReportFunction> present = EnumSet.noneOf(ReportFunction.class);
        for (ReportItem item : edition.items()) {
            if (!item.function().secondary() || present.contains(item.function()) || item.type() == ItemAnswerType.TEXT
                    || !No1Check.asked(item, answers)) {
                continue;
            }
            if (No1Check.fulfils(item, answers.get(item.code()))) {
                present.add(item.function());
            }
        }
        return java.util.Collections.unmodifiableSet(present);
    }
}
