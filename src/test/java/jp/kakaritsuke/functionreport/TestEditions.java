package jp.kakaritsuke.functionreport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.PrefillRule;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;

/**
 * A hand-built edition with the contract's fixed item codes, for tests of the preparation's own logic that must not
 * depend on the edition data (stream A's, which may grow). (★) = requiredForNo1: POSTING, PRIMARY_CARE_AREAS,
 * CONSULTATION — the items M/7 and M/53 name.
 */
public final class TestEditions {

    private TestEditions() {
    }

    public static ReportEdition edition(int year) {
        return edition(year, UnaryOperator.identity());
    }

    /** The edition with each item passed through {@code change} (null drops it): for a next year's edition. */
    public static ReportEdition edition(int year, UnaryOperator<ReportItem> change) {
        List<ReportItem> items = new ArrayList<>();
        int seq = 0;
        items.add(single("NO1.POSTING", ReportFunction.NO1, ++seq, "1", true, c(0, "無し", false), c(1, "有り", true)));
        items.add(single("NO1.TRAINING", ReportFunction.NO1, ++seq, "2", false, c(0, "無し", false), c(1, "有り", true)));
        items.add(single("NO1.GP_SPECIALIST", ReportFunction.NO1, ++seq, "4", false, c(0, "無し", false), c(1, "有り", true)));
        items.add(item("NO1.GP_SPECIALIST_FTE", ReportFunction.NO1, ++seq, "5", ItemAnswerType.NUMBER, List.of(),
                BigDecimal.ZERO, new BigDecimal("999.9"), 1, false, "NO1.GP_SPECIALIST", 1));
        List<ReportChoice> areas = new ArrayList<>();
        areas.add(new ReportChoice(0, "該当無し", "None", false, true));
        IntStream.rangeClosed(1, 17).forEach(i -> areas.add(new ReportChoice(i, "領域" + i, "Area " + i, true, false)));
        items.add(item("NO1.PRIMARY_CARE_AREAS", ReportFunction.NO1, ++seq, "6", ItemAnswerType.MULTI_CHOICE, areas,
                null, null, 0, true, null, null));
        List<ReportChoice> diseases = IntStream.rangeClosed(1, 40).mapToObj(i -> new ReportChoice(i, "疾患" + i, "Disease " + i, true, false)).toList();
        items.add(item("NO1.COMMON_DISEASES", ReportFunction.NO1, ++seq, null, ItemAnswerType.MULTI_CHOICE, diseases,
                null, null, 0, false, null, null));
        items.add(item("NO1.OTHER_DISEASES", ReportFunction.NO1, ++seq, null, ItemAnswerType.TEXT, List.of(), null, null, 0, false, null, null));
        items.add(single("NO1.CONSULTATION", ReportFunction.NO1, ++seq, null, true, c(0, "無し", false), c(1, "有り", true)));
        items.add(item("NO2A.ROTA", ReportFunction.NO2_A, ++seq, "1", ItemAnswerType.SINGLE_CHOICE, frequency(), null, null, 0, false, null, null));
        items.add(item("NO2A.PARTNERS", ReportFunction.NO2_A, ++seq, null, ItemAnswerType.NAME_LIST, List.of(), null, null, 0, false, null, null));
        items.add(item("NO2A.AFTER_HOURS_CLAIMS", ReportFunction.NO2_A, ++seq, "5", ItemAnswerType.NUMBER, List.of(),
                BigDecimal.ZERO, new BigDecimal("99999"), 0, false, null, null));
        items.add(item("NO2A.NOTES", ReportFunction.NO2_A, ++seq, "9", ItemAnswerType.TEXT, List.of(), null, null, 0, false, null, null));
        items.add(single("NO2B.REFERRED_OUTPATIENTS", ReportFunction.NO2_B, ++seq, "11", false, c(0, "無し", false),
                c(1, "1人未満", true), c(2, "1人以上", true), c(3, "3人以上", true), c(4, "5人以上", true), c(5, "10人以上", true)));
        items.add(item("NO2C.PARTNERS", ReportFunction.NO2_C, ++seq, null, ItemAnswerType.NAME_LIST, List.of(), null, null, 0, false, null, null));
        items.add(single("NO2D.OPINION_LETTER", ReportFunction.NO2_D, ++seq, "1", false, c(0, "無し(意向無し)", false),
                c(1, "無し(意向有り)", false), c(2, "有り", true)));
        List<ReportItem> changed = items.stream().map(change).filter(java.util.Objects::nonNull).toList();
        List<PrefillRule> prefills = List.of(
                new PrefillRule("NO2A.ROTA", 3, "OUT_OF_HOURS.rota", Map.of("FREQ_NONE_NO_INTENT", 0, "FREQ_NONE_WITH_INTENT", 1,
                        "FREQ_UNDER_1", 2, "FREQ_1", 3, "FREQ_2_3", 4, "FREQ_4_5", 5, "FREQ_6_9", 6, "FREQ_10_PLUS", 7), "在宅当番医制", "Rota"),
                new PrefillRule("NO2D.OPINION_LETTER", 3, "CARE_WELFARE.opinion_letter",
                        Map.of("NONE_NO_INTENT", 0, "NONE_WITH_INTENT", 1, "PROVIDED", 2), "主治医意見書の作成", "Opinion letter"));
        return new ReportEdition(year, "テスト版 " + year, "Test edition " + year, LocalDate.of(year - 1, 11, 4), "test",
                changed, List.of(), prefills.stream().filter(r -> changed.stream().anyMatch(i -> i.code().equals(r.itemCode()))).toList());
    }

    static List<ReportChoice> frequency() {
        return List.of(c(0, "無し(意向無し)", false), c(1, "無し(意向有り)", false), c(2, "有り(月1回未満)", true),
                c(3, "有り(月1回)", true), c(4, "有り(月2~3回)", true), c(5, "有り(月4~5回)", true),
                c(6, "有り(月6~9回)", true), c(7, "有り(月10回以上)", true));
    }

    public static ReportChoice c(int code, String label, boolean fulfils) {
        return new ReportChoice(code, label, label, fulfils, false);
    }

    static ReportItem single(String code, ReportFunction f, int seq, String no, boolean star, ReportChoice... choices) {
        return item(code, f, seq, no, ItemAnswerType.SINGLE_CHOICE, List.of(choices), null, null, 0, star, null, null);
    }

    public static ReportItem item(String code, ReportFunction f, int seq, String no, ItemAnswerType type, List<ReportChoice> choices,
                                  BigDecimal min, BigDecimal max, int decimals, boolean star, String dependsOn, Integer dependsOnChoice) {
        return new ReportItem(code, f, seq, no, "分類", "Category", code + " の設問", "Question " + code, null, null, type,
                choices, min, max, decimals, ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NO, star, dependsOn,
                dependsOnChoice, true, null, "test");
    }

    /** A copy of the item with other choices (a next edition that changed the scale). */
    public static ReportItem withChoices(ReportItem i, List<ReportChoice> choices) {
        return new ReportItem(i.code(), i.function(), i.seq(), i.itemNo(), i.categoryJa(), i.categoryEn(), i.wordingJa(),
                i.wordingEn(), i.helpJa(), i.helpEn(), i.type(), choices, i.min(), i.max(), i.decimals(), i.period(), i.gmis(),
                i.requiredForNo1(), i.dependsOnItem(), i.dependsOnChoice(), i.confirmed(), i.unconfirmedNote(), i.source());
    }
}
