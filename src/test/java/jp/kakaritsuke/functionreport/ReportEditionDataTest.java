package jp.kakaritsuke.functionreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.functionreport.domain.CrosswalkLink;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.PrefillRule;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Edition 2026 as Liquibase loads it, checked against a list kept here by hand from docs/report-items.md and the
 * manual's pages (not generated from the CSVs): every item, choice list, period, (★), pre-fill and confirmed flag.
 */
@SpringBootTest
class ReportEditionDataTest {

    @Autowired
    ReportEditionService editions;

    @Autowired
    CaseLibraryService caseLibrary;

    /** code | function | No. (- = not seen) | type | period | G-MIS | ★ | confirmed | choices (code=label, * fulfils, ! exclusive) */
    private static final String EXPECTED = """
            NO1.POSTING | NO1 | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | Y | N | 0=無し;1=有り*
            NO1.TRAINING | NO1 | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            NO1.GP_SPECIALIST | NO1 | 4 | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | Y | 0=無し;1=有り*
            NO1.GP_SPECIALIST_FTE | NO1 | 5 | NUMBER | AS_OF_REFERENCE_DATE | NO | N | Y |
            NO1.PRIMARY_CARE_AREAS | NO1 | 6 | MULTI_CHOICE | AS_OF_REFERENCE_DATE | NO | Y | Y | AREAS
            NO1.COMMON_DISEASES | NO1 | - | MULTI_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | DISEASES
            NO1.OTHER_DISEASES | NO1 | - | TEXT | AS_OF_REFERENCE_DATE | NO | N | N |
            NO1.CONSULTATION | NO1 | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | Y | N | 0=無し;1=有り*
            NO2A.ROTA | NO2_A | 1 | SINGLE_CHOICE | PREVIOUS_CALENDAR_YEAR | NO | N | Y | FREQ
            NO2A.EMERGENCY_CENTER | NO2_A | 2 | SINGLE_CHOICE | PREVIOUS_CALENDAR_YEAR | NO | N | N | FREQ
            NO2A.ARRANGEMENT | NO2_A | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            NO2A.PARTNERS | NO2_A | - | NAME_LIST | AS_OF_REFERENCE_DATE | NO | N | N |
            NO2A.OUT_OF_HOURS_FEE | NO2_A | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | UNCONFIRMED | N | N | 0=無し;1=有り*
            NO2A.AFTER_HOURS_CLAIMS | NO2_A | 5 | NUMBER | PREVIOUS_FISCAL_YEAR | NDB | N | N |
            NO2A.LATE_NIGHT_CLAIMS | NO2_A | 6 | NUMBER | PREVIOUS_FISCAL_YEAR | NDB | N | N |
            NO2A.HOLIDAY_CLAIMS | NO2_A | 7 | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2A.NIGHT_EARLY_CLAIMS | NO2_A | 8 | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2A.NOTES | NO2_A | 9 | TEXT | AS_OF_REFERENCE_DATE | NO | N | Y |
            NO2B.BACKUP_BEDS | NO2_B | 1 | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | Y | 0=無し(意向無し);1=無し(意向有り(自院による確保));2=無し(意向有り(連携による確保));3=無し(意向有り(自院及び連携による確保));4=有り(自院による確保)*;5=有り(連携による確保)*;6=有り(自院及び連携による確保)*
            NO2B.PARTNERS | NO2_B | 1 | NAME_LIST | AS_OF_REFERENCE_DATE | NO | N | Y |
            NO2B.DISCHARGE_SUPPORT_CLAIMS | NO2_B | 2 | NUMBER | PREVIOUS_FISCAL_YEAR | NDB | N | N |
            NO2B.DISCHARGE_RULES | NO2_B | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            NO2B.DISCHARGE_INFO_CLAIMS | NO2_B | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2B.REFERRED_OUTPATIENTS | NO2_B | 11 | SINGLE_CHOICE | PREVIOUS_FISCAL_YEAR | NO | N | N | 0=無し;1=1人未満*;2=(2: 範囲未確認)*;3=(3: 範囲未確認)*;4=(4: 範囲未確認)*;5=10人以上*
            NO2C.ARRANGEMENT | NO2_C | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=自院で日中のみ*;2=自院で24時間対応*;3=自院での一定の対応に加えて連携して24時間対応*
            NO2C.PARTNERS | NO2_C | - | NAME_LIST | AS_OF_REFERENCE_DATE | NO | N | N |
            NO2C.HOME_VISIT_CLAIMS | NO2_C | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2C.HOUSE_CALL_CLAIMS | NO2_C | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2C.VISITING_NURSING_CLAIMS | NO2_C | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2C.NURSING_ORDER_CLAIMS | NO2_C | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2C.HOME_DEATH_CLAIMS | NO2_C | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2D.OPINION_LETTER | NO2_D | 1 | SINGLE_CHOICE | PREVIOUS_CALENDAR_YEAR | NO | N | Y | 0=無し(意向無し);1=無し(意向有り);2=有り*
            NO2D.CARE_MANAGER_MEETINGS | NO2_D | 2 | SINGLE_CHOICE | PREVIOUS_CALENDAR_YEAR | NO | N | N | 0=無し;1=有り*
            NO2D.INFO_SHARING_CLAIMS | NO2_D | - | NUMBER | PREVIOUS_FISCAL_YEAR | UNCONFIRMED | N | N |
            NO2D.CARE_FACILITY_PARTNER | NO2_D | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            NO2D.INFO_SYSTEM | NO2_D | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            NO2D.ACP | NO2_D | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            OTHER.HEALTH_CHECKUPS | OTHER | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            OTHER.VACCINATION | OTHER | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            OTHER.COMMUNITY_ACTIVITIES | OTHER | - | SINGLE_CHOICE | AS_OF_REFERENCE_DATE | NO | N | N | 0=無し;1=有り*
            """;

    /** The 0–7 scale of 在宅当番医制 (M p.68). */
    private static final String FREQ = "0=無し(意向無し);1=無し(意向有り);2=有り(月1回未満)*;3=有り(月1回)*;4=有り(月2~3回)*;"
            + "5=有り(月4~5回)*;6=有り(月6~9回)*;7=有り(月10回以上)*";

    /** The 17 areas in the guideline's order (G p.16). */
    private static final List<String> AREAS = List.of("皮膚・形成外科領域", "神経・脳血管領域", "精神科・神経科領域", "眼領域",
            "耳鼻咽喉領域", "呼吸器領域", "消化器系領域", "肝・胆道・膵臓領域", "循環器系領域", "腎・泌尿器系領域", "産科領域",
            "婦人科領域", "乳腺領域", "内分泌・代謝・栄養領域", "血液・免疫系領域", "筋・骨格系及び外傷領域", "小児領域");

    /** The 38 diseases of the 告示 (jmedj id=26189), then the two of the 2024 draft kept as unconfirmed. */
    private static final List<String> DISEASES = List.of("貧血", "糖尿病", "脂質異常症", "統合失調症", "鬱病、そう鬱病その他の気分障害",
            "不安、ストレスその他の神経症", "睡眠障害", "認知症", "片頭痛その他の頭痛", "脳梗塞", "末梢神経障害", "結膜炎、角膜炎または涙腺炎",
            "白内障", "緑内障", "近視、遠視、老視その他の屈折及び調節の異常", "中耳炎または外耳炎", "難聴", "高血圧症", "狭心症", "不整脈",
            "心不全", "喘息または慢性閉塞性肺疾患", "感冒", "アレルギー性鼻炎", "下痢または胃腸炎", "便秘",
            "肝硬変、ウイルス性肝炎またはその他の慢性肝炎", "皮膚疾患", "関節リウマチまたは脱臼その他の関節症", "骨粗鬆症", "腰痛",
            "頸腕症候群", "外傷", "骨折", "前立腺肥大症", "慢性腎臓病", "更年期障害", "乳房の疾患",
            "正常妊娠・産じょくの管理(未確認)", "がん(未確認)");

    private static final Set<String> FIXED_CODES = Set.of("NO1.POSTING", "NO1.TRAINING", "NO1.GP_SPECIALIST",
            "NO1.GP_SPECIALIST_FTE", "NO1.PRIMARY_CARE_AREAS", "NO1.COMMON_DISEASES", "NO1.OTHER_DISEASES",
            "NO1.CONSULTATION", "NO2A.ROTA", "NO2A.EMERGENCY_CENTER", "NO2A.PARTNERS", "NO2A.AFTER_HOURS_CLAIMS",
            "NO2A.LATE_NIGHT_CLAIMS", "NO2A.HOLIDAY_CLAIMS", "NO2A.NIGHT_EARLY_CLAIMS", "NO2A.NOTES",
            "NO2B.REFERRED_OUTPATIENTS", "NO2C.PARTNERS", "NO2D.OPINION_LETTER");

    private record Expected(String code, ReportFunction function, String itemNo, ItemAnswerType type, ItemPeriod period,
                            GmisPrefill gmis, boolean no1, boolean confirmed, String choices) {
    }

    private static List<Expected> expected() {
        return EXPECTED.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] f = Arrays.stream((l + " ").split("\\|")).map(String::strip).toArray(String[]::new);
            String choices = switch (f[8]) {
                case "FREQ" -> FREQ;
                case "AREAS" -> "0=該当無し!;" + IntStream.range(0, AREAS.size())
                        .mapToObj(i -> (i + 1) + "=" + AREAS.get(i) + "*").collect(Collectors.joining(";"));
                case "DISEASES" -> IntStream.range(0, DISEASES.size())
                        .mapToObj(i -> (i + 1) + "=" + DISEASES.get(i) + "*").collect(Collectors.joining(";"));
                default -> f[8];
            };
            return new Expected(f[0], ReportFunction.valueOf(f[1]), f[2].equals("-") ? null : f[2],
                    ItemAnswerType.valueOf(f[3]), ItemPeriod.valueOf(f[4]), GmisPrefill.valueOf(f[5]), f[6].equals("Y"),
                    f[7].equals("Y"), choices);
        }).toList();
    }

    private static String render(List<ReportChoice> choices) {
        return choices.stream().map(c -> c.code() + "=" + c.labelJa() + (c.fulfils() ? "*" : "") + (c.exclusive() ? "!" : ""))
                .collect(Collectors.joining(";"));
    }

    @Test
    void editionTwentyTwentySixIsCurrentWithItsSource() {
        ReportEdition e = editions.current();
        assertThat(e.year()).isEqualTo(2026);
        assertThat(editions.years()).containsExactly(2026);
        assertThat(e.publishedOn()).isEqualTo(LocalDate.of(2025, 11, 4));
        assertThat(e.source()).contains("医政総発1104第1号").contains("2025-06-27").contains("mhlw.go.jp");
        assertThat(e.titleJa()).contains("かかりつけ医機能報告");
        assertThat(e.titleEn()).isNotBlank();
        assertThat(editions.forReportYear(2026)).isSameAs(e);
        assertThat(editions.forReportYear(2031)).as("a later season uses the newest edition until a new one is added")
                .isSameAs(e);
        assertThat(editions.edition(2025)).isEmpty();
        assertThat(editions.edition(2026)).containsSame(e);
    }

    @Test
    void everyItemInTheOneAndOnlyOrderWithItsChoicesPeriodStarAndConfirmedFlag() {
        ReportEdition e = editions.edition(2026).orElseThrow();
        List<Expected> expected = expected();
        assertThat(e.items()).extracting(ReportItem::code).containsExactlyElementsOf(expected.stream().map(Expected::code).toList());
        for (Expected x : expected) {
            ReportItem item = e.item(x.code()).orElseThrow();
            assertThat(item.function()).as(x.code()).isEqualTo(x.function());
            assertThat(item.itemNo()).as(x.code()).isEqualTo(x.itemNo());
            assertThat(item.type()).as(x.code()).isEqualTo(x.type());
            assertThat(item.period()).as(x.code()).isEqualTo(x.period());
            assertThat(item.gmis()).as(x.code()).isEqualTo(x.gmis());
            assertThat(item.requiredForNo1()).as(x.code() + " ★").isEqualTo(x.no1());
            assertThat(item.confirmed()).as(x.code() + " confirmed").isEqualTo(x.confirmed());
            assertThat(render(item.choices())).as(x.code() + " choices").isEqualTo(x.choices());
            assertThat(item.code()).startsWith(item.function().prefix() + ".");
            assertThat(item.wordingJa()).as(x.code()).isNotBlank();
            assertThat(item.wordingEn()).as(x.code()).isNotBlank();
            assertThat(item.categoryJa()).as(x.code()).isNotBlank();
            assertThat(item.source()).as(x.code()).isNotBlank();
            // an unconfirmed item says what is unconfirmed; a confirmed one carries no such note
            if (x.confirmed()) {
                assertThat(item.unconfirmedNote()).as(x.code()).isNull();
            } else {
                assertThat(item.unconfirmedNote()).as(x.code()).contains("未確認");
            }
            boolean choiceType = item.type() == ItemAnswerType.SINGLE_CHOICE || item.type() == ItemAnswerType.MULTI_CHOICE;
            assertThat(item.choices().isEmpty()).as(x.code()).isEqualTo(!choiceType);
            if (choiceType) {
                assertThat(item.choices()).as(x.code() + " English labels").allSatisfy(c -> assertThat(c.labelEn()).isNotBlank());
            }
        }
        // seq runs 1..n within each function
        for (ReportFunction f : ReportFunction.values()) {
            assertThat(e.items(f)).extracting(ReportItem::seq)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, e.items(f).size()).boxed().toList());
        }
    }

    @Test
    void countsPerFunctionFixedCodesAndTheStarredItems() {
        ReportEdition e = editions.current();
        Map<ReportFunction, Integer> counts = new LinkedHashMap<>();
        for (ReportFunction f : ReportFunction.values()) {
            counts.put(f, e.items(f).size());
        }
        assertThat(counts).containsExactly(Map.entry(ReportFunction.NO1, 8), Map.entry(ReportFunction.NO2_A, 10),
                Map.entry(ReportFunction.NO2_B, 6), Map.entry(ReportFunction.NO2_C, 7), Map.entry(ReportFunction.NO2_D, 6),
                Map.entry(ReportFunction.OTHER, 3));
        assertThat(e.items()).extracting(ReportItem::code).containsAll(FIXED_CODES);
        assertThat(e.items().stream().filter(ReportItem::requiredForNo1).map(ReportItem::code))
                .containsExactly("NO1.POSTING", "NO1.PRIMARY_CARE_AREAS", "NO1.CONSULTATION");
        assertThat(e.items().stream().filter(ReportItem::confirmed).map(ReportItem::code)).containsExactly(
                "NO1.GP_SPECIALIST", "NO1.GP_SPECIALIST_FTE", "NO1.PRIMARY_CARE_AREAS", "NO2A.ROTA", "NO2A.NOTES",
                "NO2B.BACKUP_BEDS", "NO2B.PARTNERS", "NO2D.OPINION_LETTER");
        assertThat(e.items().stream().filter(i -> i.gmis() == GmisPrefill.NDB).map(ReportItem::code))
                .containsExactly("NO2A.AFTER_HOURS_CLAIMS", "NO2A.LATE_NIGHT_CLAIMS", "NO2B.DISCHARGE_SUPPORT_CLAIMS");
    }

    @Test
    void theFullTimeEquivalentIsAskedAfterYesWithOneDecimal() {
        ReportItem fte = editions.current().item("NO1.GP_SPECIALIST_FTE").orElseThrow();
        assertThat(fte.dependsOnItem()).isEqualTo("NO1.GP_SPECIALIST");
        assertThat(fte.dependsOnChoice()).isEqualTo(1);
        assertThat(fte.decimals()).isEqualTo(1);
        assertThat(fte.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(fte.max()).isNull();
        List<String> others = new ArrayList<>();
        editions.current().items().stream().filter(i -> i != fte && i.dependsOnItem() != null).forEach(i -> others.add(i.code()));
        assertThat(others).as("no other item depends on another").isEmpty();
        assertThat(editions.current().items().stream().filter(i -> i.type() == ItemAnswerType.NUMBER && i != fte))
                .allSatisfy(i -> assertThat(i.decimals()).as(i.code()).isZero());
    }

    @Test
    void periodsOfTheTwentyTwentySixSeason() {
        assertThat(ItemPeriod.PREVIOUS_CALENDAR_YEAR.range(2026))
                .isEqualTo(new ItemPeriod.Range(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        // Ehime: 前年度実績 in the 2026 season = 令和6年度
        assertThat(ItemPeriod.PREVIOUS_FISCAL_YEAR.range(2026))
                .isEqualTo(new ItemPeriod.Range(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31)));
        assertThat(ItemPeriod.AS_OF_REFERENCE_DATE.range(2026))
                .isEqualTo(new ItemPeriod.Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void crosswalkLinksOnlyTheFourteenRolesAndExistingItemsWithReasonsInBothLanguages() {
        ReportEdition e = editions.current();
        Set<RoleCode> roles = caseLibrary.library().roles().stream().map(r -> r.code()).collect(Collectors.toSet());
        assertThat(roles).hasSize(14);
        assertThat(e.crosswalk()).isNotEmpty().allSatisfy(l -> {
            assertThat(roles).as(l.roleCode().name()).contains(l.roleCode());
            assertThat(l.reasonJa()).isNotBlank();
            assertThat(l.reasonEn()).isNotBlank();
            if (l.itemCode() != null) {
                assertThat(e.item(l.itemCode())).as(l.itemCode()).hasValueSatisfying(
                        i -> assertThat(i.function()).isEqualTo(l.function()));
            }
        });
        Map<ReportFunction, Set<RoleCode>> functionLevel = e.crosswalk().stream().filter(l -> l.itemCode() == null)
                .collect(Collectors.groupingBy(CrosswalkLink::function, LinkedHashMap::new,
                        Collectors.mapping(CrosswalkLink::roleCode, Collectors.toCollection(java.util.TreeSet::new))));
        assertThat(functionLevel).containsExactly(
                Map.entry(ReportFunction.NO1, new java.util.TreeSet<>(Set.of(RoleCode.CLINIC_CLINIC, RoleCode.CLINIC_HOSPITAL))),
                Map.entry(ReportFunction.NO2_A, new java.util.TreeSet<>(Set.of(RoleCode.OUT_OF_HOURS))),
                Map.entry(ReportFunction.NO2_B, new java.util.TreeSet<>(Set.of(RoleCode.CLINIC_HOSPITAL, RoleCode.HOSPITAL_HOSPITAL))),
                Map.entry(ReportFunction.NO2_C, new java.util.TreeSet<>(Set.of(RoleCode.HOME_CARE, RoleCode.END_OF_LIFE))),
                Map.entry(ReportFunction.NO2_D, new java.util.TreeSet<>(Set.of(RoleCode.CARE_WELFARE, RoleCode.MULTIDISCIPLINARY))),
                Map.entry(ReportFunction.OTHER, new java.util.TreeSet<>(Set.of(RoleCode.MATERNAL_CHILD, RoleCode.SCHOOL_HEALTH,
                        RoleCode.OCCUPATIONAL_HEALTH))));
        assertThat(e.crosswalk().stream().filter(l -> l.itemCode() != null).map(l -> l.itemCode() + "↔" + l.roleCode()))
                .containsExactly("NO1.TRAINING↔CAREER_SUPPORT", "NO1.GP_SPECIALIST↔CAREER_SUPPORT",
                        "NO2B.REFERRED_OUTPATIENTS↔CLINIC_HOSPITAL", "NO2B.BACKUP_BEDS↔HOME_CARE", "NO2D.ACP↔END_OF_LIFE");
        // no function of the report concerns these two roles
        assertThat(e.crosswalkForRole(RoleCode.EMERGENCY)).isEmpty();
        assertThat(e.crosswalkForRole(RoleCode.OTHER)).isEmpty();
    }

    @Test
    void exactlyTheTwoPrefillsOfTheSameQuestionsInVersionThree() {
        ReportEdition e = editions.current();
        assertThat(e.prefills()).hasSize(2);
        PrefillRule rota = e.prefills().stream().filter(p -> p.itemCode().equals("NO2A.ROTA")).findFirst().orElseThrow();
        assertThat(rota.questionnaireVersion()).isEqualTo(3);
        assertThat(rota.indicatorCode()).isEqualTo("OUT_OF_HOURS.rota");
        assertThat(rota.choiceMap()).containsExactlyInAnyOrderEntriesOf(Map.of("FREQ_NONE_NO_INTENT", 0,
                "FREQ_NONE_WITH_INTENT", 1, "FREQ_UNDER_1", 2, "FREQ_1", 3, "FREQ_2_3", 4, "FREQ_4_5", 5, "FREQ_6_9", 6,
                "FREQ_10_PLUS", 7));
        PrefillRule letter = e.prefills().stream().filter(p -> p.itemCode().equals("NO2D.OPINION_LETTER")).findFirst()
                .orElseThrow();
        assertThat(letter.questionnaireVersion()).isEqualTo(3);
        assertThat(letter.indicatorCode()).isEqualTo("CARE_WELFARE.opinion_letter");
        assertThat(letter.choiceMap()).containsExactlyInAnyOrderEntriesOf(
                Map.of("NONE_NO_INTENT", 0, "NONE_WITH_INTENT", 1, "PROVIDED", 2));
        for (PrefillRule p : e.prefills()) {
            ReportItem item = e.item(p.itemCode()).orElseThrow();
            // every mapped value is one of the item's choices, and every choice is reachable
            assertThat(p.choiceMap().values()).as(p.itemCode())
                    .containsExactlyInAnyOrderElementsOf(item.choices().stream().map(ReportChoice::code).toList());
            assertThat(p.noteJa()).isEqualTo("自己評価（第3版）の同じ設問（同じ選択肢・同じ期間）の回答です。");
            assertThat(p.noteEn()).contains("same question").contains("version 3");
        }
    }
}
