package jp.kakaritsuke.functionreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The 1号 check (M/7, M/53): every (★) item fulfilled; the areas by at least one area, not by 0:該当無し. */
class No1CheckTest {

    static final ReportEdition EDITION = TestEditions.edition(2026);

    static PreparationAnswer choices(String code, Integer... c) {
        return new PreparationAnswer(code, List.of(c), null, null, null, AnswerOrigin.ENTERED, true);
    }

    /** A clinic that meets 1号: 院内掲示 有り, one area of 一次診療, 相談対応 有り. */
    static Map<String, PreparationAnswer> meeting() {
        Map<String, PreparationAnswer> a = new HashMap<>();
        a.put("NO1.POSTING", choices("NO1.POSTING", 1));
        a.put("NO1.PRIMARY_CARE_AREAS", choices("NO1.PRIMARY_CARE_AREAS", 9));
        a.put("NO1.CONSULTATION", choices("NO1.CONSULTATION", 1));
        a.put("NO1.TRAINING", choices("NO1.TRAINING", 0)); // not (★): 無し does not matter
        return a;
    }

    static List<String> requiredItems() {
        return EDITION.items().stream().filter(ReportItem::requiredForNo1).map(ReportItem::code).toList();
    }

    @Test
    void aFacilityWithEveryStarredItemFulfilledMeetsIt() {
        No1Check check = No1Check.evaluate(EDITION, meeting());
        assertThat(check.met()).isTrue();
        assertThat(check.missing()).isEmpty();
        assertThat(check.unanswered()).isEmpty();
        assertThat(requiredItems()).containsExactly("NO1.POSTING", "NO1.PRIMARY_CARE_AREAS", "NO1.CONSULTATION");
    }

    @ParameterizedTest
    @MethodSource("requiredItems")
    void eachStarredItemUnansweredFailsItAndIsNamedAsUnanswered(String code) {
        Map<String, PreparationAnswer> answers = meeting();
        answers.remove(code);
        No1Check check = No1Check.evaluate(EDITION, answers);
        assertThat(check.met()).isFalse();
        assertThat(check.unanswered()).containsExactly(code);
        assertThat(check.missing()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("requiredItems")
    void eachStarredItemAnsweredButNotFulfilledFailsItAndIsNamedAsMissing(String code) {
        Map<String, PreparationAnswer> answers = meeting();
        answers.put(code, choices(code, 0)); // 無し, or 0:該当無し for the areas
        No1Check check = No1Check.evaluate(EDITION, answers);
        assertThat(check.met()).isFalse();
        assertThat(check.missing()).containsExactly(code);
        assertThat(check.unanswered()).isEmpty();
    }

    @Test
    void noneApplicableAloneIsNotAnArea() {
        Map<String, PreparationAnswer> answers = meeting();
        answers.put("NO1.PRIMARY_CARE_AREAS", choices("NO1.PRIMARY_CARE_AREAS", 0));
        assertThat(No1Check.evaluate(EDITION, answers).missing()).containsExactly("NO1.PRIMARY_CARE_AREAS");
        answers.put("NO1.PRIMARY_CARE_AREAS", choices("NO1.PRIMARY_CARE_AREAS", 1, 17));
        assertThat(No1Check.evaluate(EDITION, answers).met()).isTrue();
    }

    @Test
    void nothingAnsweredIsEveryStarredItemUnanswered() {
        No1Check check = No1Check.evaluate(EDITION, Map.of());
        assertThat(check.met()).isFalse();
        assertThat(check.unanswered()).containsExactlyElementsOf(requiredItems());
    }

    @Test
    void missingAndUnansweredAreToldApartAndInTheReportsOrder() {
        Map<String, PreparationAnswer> answers = meeting();
        answers.remove("NO1.POSTING");
        answers.put("NO1.CONSULTATION", choices("NO1.CONSULTATION", 0));
        answers.put("NO1.PRIMARY_CARE_AREAS", new PreparationAnswer("NO1.PRIMARY_CARE_AREAS", List.of(), null, null, null,
                AnswerOrigin.ENTERED, true)); // an empty answer counts as unanswered
        No1Check check = No1Check.evaluate(EDITION, answers);
        assertThat(check.unanswered()).containsExactly("NO1.POSTING", "NO1.PRIMARY_CARE_AREAS");
        assertThat(check.missing()).containsExactly("NO1.CONSULTATION");
    }

    @Test
    void aStarredItemAskedOnlyAfterAnotherChoiceIsLeftOutWhileThatChoiceIsNotGiven() {
        ReportEdition edition = TestEditions.edition(2026, i -> i.code().equals("NO1.GP_SPECIALIST_FTE")
                ? TestEditions.item(i.code(), i.function(), i.seq(), i.itemNo(), i.type(), i.choices(), i.min(), i.max(),
                i.decimals(), true, i.dependsOnItem(), i.dependsOnChoice()) : i);
        Map<String, PreparationAnswer> answers = meeting();
        assertThat(No1Check.evaluate(edition, answers).met()).isTrue();
        answers.put("NO1.GP_SPECIALIST", choices("NO1.GP_SPECIALIST", 1));
        assertThat(No1Check.evaluate(edition, answers).unanswered()).containsExactly("NO1.GP_SPECIALIST_FTE");
        answers.put("NO1.GP_SPECIALIST_FTE", new PreparationAnswer("NO1.GP_SPECIALIST_FTE", null, new BigDecimal("0.5"),
                null, null, AnswerOrigin.ENTERED, true));
        assertThat(No1Check.evaluate(edition, answers).met()).isTrue();
    }
}
