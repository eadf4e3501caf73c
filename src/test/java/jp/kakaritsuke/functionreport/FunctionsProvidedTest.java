package jp.kakaritsuke.functionreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.FunctionsProvided;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import org.junit.jupiter.api.Test;

/** A 2号 function is present when any one of its items is 「実施している」/「実績がある」 (G/17). */
class FunctionsProvidedTest {

    static final ReportEdition EDITION = TestEditions.edition(2026);

    static PreparationAnswer choice(String code, int c) {
        return new PreparationAnswer(code, List.of(c), null, null, null, AnswerOrigin.ENTERED, true);
    }

    @Test
    void nothingAnsweredShowsNothing() {
        assertThat(FunctionsProvided.of(EDITION, Map.of())).isEmpty();
    }

    @Test
    void aFulfillingChoiceShowsItsFunctionAndNoneWithIntentDoesNot() {
        Map<String, PreparationAnswer> a = new HashMap<>();
        a.put("NO2A.ROTA", choice("NO2A.ROTA", 1)); // 無し(意向有り)
        a.put("NO2D.OPINION_LETTER", choice("NO2D.OPINION_LETTER", 1));
        assertThat(FunctionsProvided.of(EDITION, a)).isEmpty();
        a.put("NO2A.ROTA", choice("NO2A.ROTA", 2)); // 有り(月1回未満)
        a.put("NO2D.OPINION_LETTER", choice("NO2D.OPINION_LETTER", 2));
        assertThat(FunctionsProvided.of(EDITION, a)).containsExactly(ReportFunction.NO2_A, ReportFunction.NO2_D);
    }

    @Test
    void aCountAboveZeroOrANamedPartnerShowsTheFunctionAndZeroOrAFreeTextDoesNot() {
        Map<String, PreparationAnswer> a = new HashMap<>();
        a.put("NO2A.AFTER_HOURS_CLAIMS", new PreparationAnswer("NO2A.AFTER_HOURS_CLAIMS", null, BigDecimal.ZERO, null, null,
                AnswerOrigin.ENTERED, true));
        a.put("NO2A.NOTES", new PreparationAnswer("NO2A.NOTES", null, null, "時間外は連携先で対応", null, AnswerOrigin.ENTERED, true));
        assertThat(FunctionsProvided.of(EDITION, a)).isEmpty();
        a.put("NO2A.AFTER_HOURS_CLAIMS", new PreparationAnswer("NO2A.AFTER_HOURS_CLAIMS", null, new BigDecimal("12"), null,
                null, AnswerOrigin.ENTERED, true));
        a.put("NO2C.PARTNERS", new PreparationAnswer("NO2C.PARTNERS", null, null, null, List.of("柏在宅クリニック"),
                AnswerOrigin.ENTERED, true));
        assertThat(FunctionsProvided.of(EDITION, a)).containsExactly(ReportFunction.NO2_A, ReportFunction.NO2_C);
    }

    @Test
    void firstFunctionItemsNeverCount() {
        Map<String, PreparationAnswer> a = new HashMap<>(No1CheckTest.meeting());
        a.put("NO2B.REFERRED_OUTPATIENTS", choice("NO2B.REFERRED_OUTPATIENTS", 5));
        assertThat(FunctionsProvided.of(EDITION, a)).containsExactly(ReportFunction.NO2_B);
    }
}
