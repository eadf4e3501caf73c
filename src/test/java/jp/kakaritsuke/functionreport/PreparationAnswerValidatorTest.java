package jp.kakaritsuke.functionreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.PreparationAnswerValidator;
import jp.kakaritsuke.functionreport.service.PreparationAnswerValidator.Checked;
import org.junit.jupiter.api.Test;

/** The one rule for a preparation's answers (the page, the API and the service all apply it). */
class PreparationAnswerValidatorTest {

    static final ReportEdition EDITION = TestEditions.edition(2026);

    static Checked ok(String code, AnswerInput input) {
        return ok(Map.of(), code, input);
    }

    static Checked ok(Map<String, PreparationAnswer> current, String code, AnswerInput input) {
        return PreparationAnswerValidator.check(EDITION, current, Map.of(code, input)).get(code);
    }

    static List<String> refused(String code, AnswerInput input) {
        return refused(Map.of(), code, input);
    }

    static List<String> refused(Map<String, PreparationAnswer> current, String code, AnswerInput input) {
        try {
            PreparationAnswerValidator.check(EDITION, current, Map.of(code, input));
        } catch (FieldErrors e) {
            assertThat(e.errors()).allSatisfy(f -> assertThat(f.field()).isEqualTo(code));
            return e.errors().stream().map(FieldError::messageKey).toList();
        }
        throw new AssertionError("accepted " + input);
    }

    static AnswerInput choices(Integer... c) {
        return new AnswerInput(java.util.Arrays.asList(c), null, null, null);
    }

    static AnswerInput names(String... n) {
        return new AnswerInput(null, null, null, java.util.Arrays.asList(n));
    }

    static AnswerInput text(String t) {
        return new AnswerInput(null, null, t, null);
    }

    @Test
    void anItemNotInTheEditionIsRefused() {
        assertThat(refused("NO2A.NO_SUCH", AnswerInput.choice(1))).containsExactly("functionreport.error.unknownItem");
    }

    @Test
    void singleChoiceTakesExactlyOneOfTheItemsCodes() {
        assertThat(ok("NO2A.ROTA", AnswerInput.choice(7)).choices()).containsExactly(7);
        assertThat(refused("NO2A.ROTA", AnswerInput.choice(8))).containsExactly("functionreport.error.choice");
        assertThat(refused("NO2A.ROTA", choices(2, 3))).containsExactly("functionreport.error.singleChoice");
        assertThat(refused("NO2A.ROTA", AnswerInput.number("3"))).containsExactly("functionreport.error.kind");
    }

    @Test
    void multiChoiceTakesValidCodesOnceEachStoredAscendingAndTheExclusiveChoiceAlone() {
        assertThat(ok("NO1.PRIMARY_CARE_AREAS", choices(17, 1, 9)).choices()).containsExactly(1, 9, 17);
        assertThat(ok("NO1.PRIMARY_CARE_AREAS", choices(0)).choices()).containsExactly(0);
        assertThat(refused("NO1.PRIMARY_CARE_AREAS", choices(0, 3))).containsExactly("functionreport.error.exclusive");
        assertThat(refused("NO1.PRIMARY_CARE_AREAS", choices(3, 3))).containsExactly("functionreport.error.duplicateChoice");
        assertThat(refused("NO1.PRIMARY_CARE_AREAS", choices(18))).containsExactly("functionreport.error.choice");
    }

    @Test
    void numbersAreReadAsTypedAndKeptInRange() {
        Map<String, PreparationAnswer> specialist = Map.of("NO1.GP_SPECIALIST",
                new PreparationAnswer("NO1.GP_SPECIALIST", List.of(1), null, null, null, AnswerOrigin.ENTERED, true));
        assertThat(ok(specialist, "NO1.GP_SPECIALIST_FTE", AnswerInput.number("１．５")).number()).isEqualByComparingTo("1.5");
        assertThat(ok("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("1,234")).number()).isEqualByComparingTo("1234");
        assertThat(ok("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("0")).number()).isEqualByComparingTo("0");
        assertThat(refused("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("十二"))).containsExactly("functionreport.error.number");
        assertThat(refused("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("ー1"))).containsExactly("functionreport.error.range");
        assertThat(refused("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("100000"))).containsExactly("functionreport.error.range");
        assertThat(refused("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("3.5"))).containsExactly("functionreport.error.integer");
    }

    @Test
    void fullTimeEquivalentBeyondTheFirstDecimalIsRefusedWithTheTruncatedValue() {
        Map<String, PreparationAnswer> specialist = Map.of("NO1.GP_SPECIALIST",
                new PreparationAnswer("NO1.GP_SPECIALIST", List.of(1), null, null, null, AnswerOrigin.ENTERED, true));
        FieldErrors e = (FieldErrors) catchFieldErrors(() -> PreparationAnswerValidator.check(EDITION, specialist,
                Map.of("NO1.GP_SPECIALIST_FTE", AnswerInput.number("1.57"))));
        FieldError error = e.on("NO1.GP_SPECIALIST_FTE").orElseThrow();
        assertThat(error.messageKey()).isEqualTo("functionreport.error.decimals");
        assertThat(error.args()).containsExactly(1, 2, "1.5");
        // trailing zeros are not places: 1.50 is 1.5
        assertThat(ok(specialist, "NO1.GP_SPECIALIST_FTE", AnswerInput.number("1.50")).number()).isEqualByComparingTo("1.5");
    }

    @Test
    void anItemAskedOnlyAfterAChoiceIsRefusedWithoutItJudgedOnTheWholeRequest() {
        assertThat(refused("NO1.GP_SPECIALIST_FTE", AnswerInput.number("1"))).containsExactly("functionreport.error.dependsOn");
        Map<String, AnswerInput> both = new LinkedHashMap<>();
        both.put("NO1.GP_SPECIALIST_FTE", AnswerInput.number("1"));
        both.put("NO1.GP_SPECIALIST", AnswerInput.choice(1));
        assertThat(PreparationAnswerValidator.check(EDITION, Map.of(), both)).containsKeys("NO1.GP_SPECIALIST_FTE", "NO1.GP_SPECIALIST");
        // clearing it is always allowed
        assertThat(ok("NO1.GP_SPECIALIST_FTE", AnswerInput.number(" ")).empty()).isTrue();
    }

    @Test
    void textIsTrimmedLimitedAndSafeForSpreadsheets() {
        assertThat(ok("NO2A.NOTES", text("  一般外来なし\r\n在宅のみ ")).text()).isEqualTo("一般外来なし\n在宅のみ");
        assertThat(ok("NO2A.NOTES", text("x".repeat(2000))).text()).hasSize(2000);
        assertThat(refused("NO2A.NOTES", text("x".repeat(2001)))).containsExactly("functionreport.error.textLength");
        assertThat(refused("NO2A.NOTES", text("説明\n=HYPERLINK(\"x\")"))).containsExactly("functionreport.error.textFormula");
        assertThat(refused("NO2A.NOTES", text("右から\u202E左"))).containsExactly("functionreport.error.textInvisible");
    }

    @Test
    void nameListsTakeUpToTwentyDistinctSafeNamesAndDropBlankRows() {
        assertThat(ok("NO2A.PARTNERS", names(" 柏中央病院 ", "", "柏北クリニック")).names()).containsExactly("柏中央病院", "柏北クリニック");
        List<String> twenty = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add("医療機関" + i);
        }
        assertThat(ok("NO2A.PARTNERS", names(twenty.toArray(String[]::new))).names()).hasSize(20);
        twenty.add("医療機関21");
        assertThat(refused("NO2A.PARTNERS", names(twenty.toArray(String[]::new)))).containsExactly("functionreport.error.nameCount");
        assertThat(refused("NO2A.PARTNERS", names("柏中央病院", "柏中央病院"))).containsExactly("functionreport.error.duplicateName");
        assertThat(refused("NO2A.PARTNERS", names("病".repeat(201)))).containsExactly("functionreport.error.nameLength");
        assertThat(ok("NO2A.PARTNERS", names("病".repeat(200))).names()).hasSize(1);
        assertThat(refused("NO2A.PARTNERS", names("=cmd"))).containsExactly("functionreport.error.nameFormula");
        assertThat(refused("NO2A.PARTNERS", names("柏\u200B病院"))).containsExactly("functionreport.error.nameInvisible");
    }

    @Test
    void allEmptyInputClearsTheItem() {
        assertThat(ok("NO2A.ROTA", new AnswerInput(null, null, null, null)).empty()).isTrue();
        assertThat(ok("NO2A.PARTNERS", names("", "  ")).empty()).isTrue();
        assertThat(ok("NO2A.NOTES", text("   ")).empty()).isTrue();
        assertThat(ok("NO2A.ROTA", new AnswerInput(Collections.emptyList(), "", "", List.of())).empty()).isTrue();
    }

    @Test
    void everyProblemOfARequestIsReportedAtOnce() {
        Map<String, AnswerInput> input = new LinkedHashMap<>();
        input.put("NO2A.ROTA", AnswerInput.choice(9));
        input.put("NO2A.AFTER_HOURS_CLAIMS", AnswerInput.number("abc"));
        input.put("NO2D.OPINION_LETTER", AnswerInput.choice(2));
        assertThat(PreparationAnswerValidator.problems(EDITION, Map.of(), input)).extracting(FieldError::field)
                .containsExactly("NO2A.ROTA", "NO2A.AFTER_HOURS_CLAIMS");
    }

    @Test
    void aStoredAnswerIsStillValidOnlyAgainstAnItemThatStillHasItsChoice() {
        var rota = EDITION.item("NO2A.ROTA").orElseThrow();
        PreparationAnswer seven = new PreparationAnswer("NO2A.ROTA", List.of(7), null, null, null, AnswerOrigin.ENTERED, true);
        assertThat(PreparationAnswerValidator.stillValid(rota, seven)).isTrue();
        assertThat(PreparationAnswerValidator.stillValid(TestEditions.withChoices(rota, rota.choices().subList(0, 7)), seven)).isFalse();
        var fte = EDITION.item("NO1.GP_SPECIALIST_FTE").orElseThrow();
        assertThat(PreparationAnswerValidator.stillValid(fte, new PreparationAnswer(fte.code(), null, new BigDecimal("2.5"),
                null, null, AnswerOrigin.ENTERED, true))).isTrue();
    }

    private static Throwable catchFieldErrors(Runnable r) {
        try {
            r.run();
        } catch (FieldErrors e) {
            return e;
        }
        throw new AssertionError("no FieldErrors");
    }
}
