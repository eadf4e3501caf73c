package jp.kakaritsuke.associations.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PreparationSummary;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;

/** A hand-built edition (a few items of each kind) and members for the readiness calculator's tests. */
final class ReadinessFixtures {

    static final Association ASSOCIATION = new Association(1, "柏市医師会", AssociationLevel.MUNICIPAL, "千葉県", null);

    static final ReportEdition EDITION = new ReportEdition(2026, "2026年度報告", "2026 report", LocalDate.of(2025, 11, 4), "テスト",
            List.of(
                    item("NO1.POSTING", ReportFunction.NO1, ItemAnswerType.SINGLE_CHOICE, choices("実施していない", "実施している")),
                    item("NO2A.ROTA", ReportFunction.NO2_A, ItemAnswerType.SINGLE_CHOICE,
                            choices("無し(意向無し)", "無し(意向有り)", "有り(月1回未満)", "有り(月1回)")),
                    item("NO2A.PARTNERS", ReportFunction.NO2_A, ItemAnswerType.NAME_LIST, List.of()),
                    item("NO2A.AFTER_HOURS_CLAIMS", ReportFunction.NO2_A, ItemAnswerType.NUMBER, List.of()),
                    item("NO2A.NOTES", ReportFunction.NO2_A, ItemAnswerType.TEXT, List.of()),
                    item("NO2D.OPINION_LETTER", ReportFunction.NO2_D, ItemAnswerType.SINGLE_CHOICE,
                            choices("無し(意向無し)", "無し(意向有り)", "有り")),
                    item("OTHER.CHECKUPS", ReportFunction.OTHER, ItemAnswerType.SINGLE_CHOICE, choices("無し", "有り"))),
            List.of(), List.of());

    private ReadinessFixtures() {
    }

    static List<ReportChoice> choices(String... labels) {
        List<ReportChoice> result = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            result.add(new ReportChoice(i, labels[i], null, i > 0, false));
        }
        return result;
    }

    static ReportItem item(String code, ReportFunction function, ItemAnswerType type, List<ReportChoice> choices) {
        return new ReportItem(code, function, 1, "1", "分類", null, code + "の文言", null, null, null, type, choices,
                null, null, 0, ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NO, code.startsWith("NO1."), null, null, true,
                null, "テスト");
    }

    static ReportMember member(long id, String town) {
        return new ReportMember(id, "施設" + id, town, false, false);
    }

    static ReportMember consenting(long id, String town) {
        return new ReportMember(id, "施設" + id, town, true, false);
    }

    static ReportMember office(long id, String town) {
        return new ReportMember(id, "事務局" + id, town, true, true);
    }

    static PreparationSummary draft(long id) {
        return new PreparationSummary(id, PreparationStatus.DRAFT, true, Map.of("NO2A.ROTA", List.of(3)), Map.of());
    }

    /** A submitted preparation meeting 1号 with these answers to 輪番 and 主治医意見書 (null: unanswered) and claims. */
    static PreparationSummary submitted(long id, Integer rota, Integer opinion, Integer claims) {
        Map<String, List<Integer>> choices = new java.util.HashMap<>();
        if (rota != null) {
            choices.put("NO2A.ROTA", List.of(rota));
        }
        if (opinion != null) {
            choices.put("NO2D.OPINION_LETTER", List.of(opinion));
        }
        Map<String, BigDecimal> numbers = claims == null ? Map.of() : Map.of("NO2A.AFTER_HOURS_CLAIMS", BigDecimal.valueOf(claims));
        return new PreparationSummary(id, PreparationStatus.SUBMITTED, true, choices, numbers);
    }

    static PreparationSummary withoutNo1(long id) {
        return new PreparationSummary(id, PreparationStatus.SUBMITTED, false, Map.of("NO2A.ROTA", List.of(3)), Map.of());
    }
}
