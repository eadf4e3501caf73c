package jp.kakaritsuke.functionreport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The preparation workbook read back with POI, from hand-built editions and preparations (the builder is a pure
 * function of them): the items in the edition's order and numbering, answers as the report's choice text, numbers as
 * number cells, periods with their dates, the one-page 院内掲示 draft listing only the functions provided, the
 * checklist, and the English variant.
 */
class PreparationWorkbookTest {

    static final int REPORT_YEAR = 2027;
    static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
    static final String FORMULA_NAME = "=cmd|' /C calc'!A0";

    // ------------------------------------------------------------ hand-built edition

    static ReportChoice c(int code, String ja, String en, boolean fulfils) {
        return new ReportChoice(code, ja, en, fulfils, false);
    }

    static ReportItem item(String code, ReportFunction f, int seq, String no, String wordingJa, String wordingEn,
                           ItemAnswerType type, List<ReportChoice> choices, int decimals, ItemPeriod period, GmisPrefill gmis,
                           boolean no1, String dependsOn, Integer dependsChoice, boolean confirmed, String note) {
        return new ReportItem(code, f, seq, no, "分類" + seq, "Category " + seq, wordingJa, wordingEn, null, null, type, choices,
                null, null, decimals, period, gmis, no1, dependsOn, dependsChoice, confirmed, note, "報告マニュアル(2025-11-04) p.62");
    }

    static final List<ReportChoice> NO_YES = List.of(c(0, "無し", "No", false), c(1, "有り", "Yes", true));
    static final List<ReportChoice> SCALE = List.of(c(0, "無し(意向無し)", "None (no intention)", false),
            c(1, "無し(意向有り)", "None (intended)", false), c(2, "有り(月1回未満)", "Yes (under once a month)", true),
            c(3, "有り(月1回)", "Yes (once a month)", true), c(4, "有り(月2~3回)", "Yes (2-3 a month)", true));

    static ReportEdition edition() {
        List<ReportItem> items = List.of(
                item("NO1.POSTING", ReportFunction.NO1, 1, null, "院内掲示による公表", "Public notice in the facility",
                        ItemAnswerType.SINGLE_CHOICE, NO_YES, 0, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, true, null, null,
                        false, "番号は未確認（M/61）"),
                item("NO1.TRAINING", ReportFunction.NO1, 2, null, "かかりつけ医機能に関する研修の修了者の有無", "Trained staff",
                        ItemAnswerType.SINGLE_CHOICE, NO_YES, 0, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false, null, null,
                        false, "M/61 未確認"),
                item("NO1.GP_SPECIALIST", ReportFunction.NO1, 3, "4", "総合診療専門医", "General medicine specialist",
                        ItemAnswerType.SINGLE_CHOICE, NO_YES, 0, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false, null, null, true, null),
                item("NO1.GP_SPECIALIST_FTE", ReportFunction.NO1, 4, "5", "【「有り」選択時】総合診療専門医数(常勤換算)",
                        "Specialists (FTE)", ItemAnswerType.NUMBER, List.of(), 1, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false,
                        "NO1.GP_SPECIALIST", 1, true, null),
                item("NO1.PRIMARY_CARE_AREAS", ReportFunction.NO1, 5, "6", "一次診療の対応ができる領域", "Areas of first-contact care",
                        ItemAnswerType.MULTI_CHOICE, List.of(new ReportChoice(0, "該当無し", "None", false, true),
                                c(1, "皮膚・形成外科領域", "Skin and plastic surgery", true), c(2, "神経・脳血管領域", "Nerves and brain vessels", true),
                                c(3, "精神科・神経科領域", "Psychiatry", true)),
                        0, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, true, null, null, true, null),
                item("NO1.CONSULTATION", ReportFunction.NO1, 6, null, "医療に関する患者からの相談への対応", "Consultation",
                        ItemAnswerType.SINGLE_CHOICE, NO_YES, 0, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, true, null, null,
                        false, "尺度は未確認"),
                item("NO2A.ROTA", ReportFunction.NO2_A, 7, "1", "在宅当番医制への参加", "Duty rota", ItemAnswerType.SINGLE_CHOICE,
                        SCALE, 0, ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NO, false, null, null, true, null),
                item("NO2A.PARTNERS", ReportFunction.NO2_A, 8, null, "連携医療機関の名称", "Partner institutions",
                        ItemAnswerType.NAME_LIST, List.of(), 0, ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false, null, null,
                        false, "G/17 より"),
                item("NO2A.AFTER_HOURS_CLAIMS", ReportFunction.NO2_A, 9, "5", "時間外加算の算定回数", "After-hours claims",
                        ItemAnswerType.NUMBER, List.of(), 0, ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NDB, false, null, null, true, null),
                item("NO2A.HOLIDAY_CLAIMS", ReportFunction.NO2_A, 10, "7", "休日加算の算定回数", "Holiday claims",
                        ItemAnswerType.NUMBER, List.of(), 0, ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.UNCONFIRMED, false, null, null,
                        true, null),
                item("NO2A.NOTES", ReportFunction.NO2_A, 11, "9", "特記事項", "Notes", ItemAnswerType.TEXT, List.of(), 0,
                        ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false, null, null, true, null),
                item("NO2B.REFERRED_OUTPATIENTS", ReportFunction.NO2_B, 12, "11", "紹介を受けた外来患者数(月平均)", "Referred outpatients",
                        ItemAnswerType.SINGLE_CHOICE, List.of(c(0, "無し", "None", false), c(5, "10人以上", "10 or more", true)), 0,
                        ItemPeriod.PREVIOUS_FISCAL_YEAR, GmisPrefill.NO, false, null, null, true, null),
                item("NO2D.OPINION_LETTER", ReportFunction.NO2_D, 13, "1", "主治医意見書の作成", "Opinion letters",
                        ItemAnswerType.SINGLE_CHOICE, List.of(c(0, "無し(意向無し)", "None (no intention)", false),
                                c(1, "無し(意向有り)", "None (intended)", false), c(2, "有り", "Yes", true)), 0,
                        ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NO, false, null, null, true, null));
        return new ReportEdition(2026, "かかりつけ医機能報告 報告項目（2026年版）", "Report items (2026)", LocalDate.of(2025, 11, 4),
                "報告マニュアル", items, List.of(), List.of());
    }

    static PreparationAnswer choice(String code, AnswerOrigin origin, boolean confirmed, Integer... choices) {
        return new PreparationAnswer(code, List.of(choices), null, null, null, origin, confirmed);
    }

    static Map<String, PreparationAnswer> fullAnswers() {
        Map<String, PreparationAnswer> a = new LinkedHashMap<>();
        a.put("NO1.POSTING", choice("NO1.POSTING", AnswerOrigin.ENTERED, true, 1));
        a.put("NO1.TRAINING", choice("NO1.TRAINING", AnswerOrigin.ENTERED, true, 1));
        a.put("NO1.GP_SPECIALIST", choice("NO1.GP_SPECIALIST", AnswerOrigin.ENTERED, true, 1));
        a.put("NO1.GP_SPECIALIST_FTE", new PreparationAnswer("NO1.GP_SPECIALIST_FTE", null, new BigDecimal("1.5"), null, null,
                AnswerOrigin.ENTERED, true));
        a.put("NO1.PRIMARY_CARE_AREAS", choice("NO1.PRIMARY_CARE_AREAS", AnswerOrigin.ENTERED, true, 1, 2));
        a.put("NO1.CONSULTATION", choice("NO1.CONSULTATION", AnswerOrigin.ENTERED, true, 1));
        a.put("NO2A.ROTA", choice("NO2A.ROTA", AnswerOrigin.CARRIED, false, 3));
        a.put("NO2A.PARTNERS", new PreparationAnswer("NO2A.PARTNERS", null, null, null, List.of("さくら病院", FORMULA_NAME),
                AnswerOrigin.ENTERED, true));
        a.put("NO2A.AFTER_HOURS_CLAIMS", new PreparationAnswer("NO2A.AFTER_HOURS_CLAIMS", null, new BigDecimal("12"), null, null,
                AnswerOrigin.ENTERED, true));
        a.put("NO2A.NOTES", new PreparationAnswer("NO2A.NOTES", null, null, "-2+3 一般外来なし", null, AnswerOrigin.ENTERED, true));
        a.put("NO2D.OPINION_LETTER", choice("NO2D.OPINION_LETTER", AnswerOrigin.PREFILLED, false, 2));
        return a;
    }

    static PreparationView view(Map<String, PreparationAnswer> answers, No1Check no1, Set<ReportFunction> provided,
                                PreparationStatus status) {
        List<String> unconfirmed = answers.values().stream().filter(a -> !a.confirmed()).map(PreparationAnswer::itemCode).toList();
        return new PreparationView(12L, "さくら在宅クリニック", REPORT_YEAR, edition(), status == null ? null : 5L, status,
                status == null ? 0 : 3, answers, Map.of("NO2D.OPINION_LETTER", "自己評価 2026-11-20 提出 / 主治医意見書の作成"),
                2026, unconfirmed, no1, provided, NOW, "editor", null, null, true);
    }

    static PreparationView full() {
        return view(fullAnswers(), new No1Check(true, List.of(), List.of()), Set.of(ReportFunction.NO2_A, ReportFunction.NO2_D),
                PreparationStatus.DRAFT);
    }

    static XSSFWorkbook read(PreparationView view, Locale locale) throws Exception {
        byte[] bytes = PreparationWorkbook.build(view.edition(), view, locale, NOW.atZone(jp.kakaritsuke.base.Japan.ZONE));
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static final DataFormatter FORMAT = new DataFormatter();

    static String cell(Row row, int c) {
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : FORMAT.formatCellValue(cell);
    }

    /** The rows from the table header on, as text. */
    static List<List<String>> table(Sheet sheet, String firstHeader) {
        List<List<String>> rows = new ArrayList<>();
        boolean in = false;
        for (Row row : sheet) {
            if (!in && cell(row, 0).equals(firstHeader)) {
                in = true;
                continue;
            }
            if (in) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    cells.add(cell(row, c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static String allText(Sheet sheet) {
        StringBuilder sb = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                sb.append(FORMAT.formatCellValue(cell)).append('\n');
            }
        }
        return sb.toString();
    }

    static Row itemRow(Sheet sheet, String wording) {
        for (Row row : sheet) {
            if (cell(row, PreparationWorkbook.COL_WORDING).equals(wording)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + wording);
    }

    // ------------------------------------------------------------ sheet 1

    @Test
    void itemsComeInTheEditionsOrderWithTheirNumbersUnderTheirFunctions() throws Exception {
        try (XSSFWorkbook wb = read(full(), Locale.JAPANESE)) {
            assertThat(wb.getSheetName(0)).isEqualTo("報告項目");
            assertThat(wb.getSheetName(1)).isEqualTo("院内掲示（案）");
            assertThat(wb.getSheetName(2)).isEqualTo("提出までのチェックリスト");
            List<List<String>> rows = table(wb.getSheetAt(0), "No.");
            List<String> expected = new ArrayList<>();
            ReportFunction current = null;
            for (ReportItem i : edition().items()) {
                if (i.function() != current) {
                    current = i.function();
                    expected.add("# " + switch (current) {
                        case NO1 -> "1号機能　日常的な診療を総合的かつ継続的に行う機能";
                        case NO2_A -> "2号機能（イ）通常の診療時間外の診療";
                        case NO2_B -> "2号機能（ロ）入退院時の支援";
                        case NO2_D -> "2号機能（ニ）介護サービス等と連携した医療提供";
                        default -> throw new AssertionError(current);
                    });
                }
                expected.add((i.itemNo() == null ? "—" : i.itemNo()) + " " + i.wordingJa());
            }
            List<String> actual = rows.stream().map(r -> r.get(2).isEmpty() ? "# " + r.get(0) : r.get(0) + " " + r.get(2)).toList();
            assertThat(actual).containsExactlyElementsOf(expected);
            // the header stays in view and repeats on every printed page; A4 landscape, one page wide
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getRepeatingRows()).isNotNull();
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(s.getFitToPage()).isTrue();
            assertThat(s.getColumnWidth(PreparationWorkbook.COL_WORDING)).isGreaterThan(s.getColumnWidth(PreparationWorkbook.COL_NO));
        }
    }

    @Test
    void answersReadAsTheReportsChoicesNumbersStayNumbers() throws Exception {
        try (XSSFWorkbook wb = read(full(), Locale.JAPANESE)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(cell(itemRow(s, "在宅当番医制への参加"), 3)).isEqualTo("3:有り(月1回)");
            assertThat(cell(itemRow(s, "一次診療の対応ができる領域"), 3)).isEqualTo("1:皮膚・形成外科領域、2:神経・脳血管領域");
            assertThat(cell(itemRow(s, "主治医意見書の作成"), 3)).isEqualTo("2:有り");
            Cell fte = itemRow(s, "【「有り」選択時】総合診療専門医数(常勤換算)").getCell(3);
            assertThat(fte.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(fte.getNumericCellValue()).isEqualTo(1.5);
            assertThat(fte.getCellStyle().getDataFormatString()).isEqualTo("0.0");
            Cell claims = itemRow(s, "時間外加算の算定回数").getCell(3);
            assertThat(claims.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(claims.getNumericCellValue()).isEqualTo(12.0);
            assertThat(claims.getCellStyle().getDataFormatString()).isEqualTo("0");
            // names one per line; a name that looks like a formula stays text, quote-prefixed as the other reports do
            Cell names = itemRow(s, "連携医療機関の名称").getCell(3);
            assertThat(names.getCellType()).isEqualTo(CellType.STRING);
            assertThat(names.getStringCellValue()).isEqualTo("さくら病院\n" + FORMULA_NAME);
            assertThat(names.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(names.getCellStyle().getWrapText()).isTrue();
            Cell notes = itemRow(s, "特記事項").getCell(3);
            assertThat(notes.getCellType()).isEqualTo(CellType.STRING);
            assertThat(notes.getStringCellValue()).isEqualTo("-2+3 一般外来なし");
            assertThat(notes.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void periodsCarryTheirDatesAndGmisAndStatesAreSpelledOut() throws Exception {
        try (XSSFWorkbook wb = read(full(), Locale.JAPANESE)) {
            Sheet s = wb.getSheetAt(0);
            Row rota = itemRow(s, "在宅当番医制への参加");
            assertThat(cell(rota, 4)).isEqualTo("前年（2026年1月1日〜2026年12月31日）");
            assertThat(cell(itemRow(s, "紹介を受けた外来患者数(月平均)"), 4)).isEqualTo("前年度（2025年4月1日〜2026年3月31日）");
            assertThat(cell(itemRow(s, "総合診療専門医"), 4)).isEqualTo("報告基準日（2027年1月1日）現在");
            assertThat(cell(itemRow(s, "時間外加算の算定回数"), 5)).isEqualTo("NDBから自動入力：確認のみ");
            assertThat(cell(itemRow(s, "休日加算の算定回数"), 5)).isEqualTo("自動入力か未確認：G-MISで確認");
            assertThat(cell(rota, 5)).isEqualTo("入力する");
            assertThat(cell(rota, 7)).isEqualTo("前年の回答・未確認");
            assertThat(cell(rota, 6)).contains("2026年の回答を引き継ぎ");
            Row opinion = itemRow(s, "主治医意見書の作成");
            assertThat(cell(opinion, 7)).isEqualTo("自己評価から・未確認");
            assertThat(cell(opinion, 6)).contains("自己評価 2026-11-20 提出 / 主治医意見書の作成");
            assertThat(cell(itemRow(s, "特記事項"), 7)).isEqualTo("確認済み");
            assertThat(cell(itemRow(s, "休日加算の算定回数"), 7)).isEqualTo("未回答");
            Row posting = itemRow(s, "院内掲示による公表");
            assertThat(cell(posting, 0)).isEqualTo("—");
            assertThat(cell(posting, 6)).startsWith("【未確認】 番号は未確認（M/61）");
            assertThat(allText(s)).contains("施設名：さくら在宅クリニック", "2027年 かかりつけ医機能報告", "（2026年版）",
                    "2027年の報告項目はまだ公表されていません", "当サービスが報告準備の回答から作成");
        }
    }

    @Test
    void anItemAskedOnlyAfterAnotherChoiceIsNotApplicableOtherwise() throws Exception {
        Map<String, PreparationAnswer> answers = fullAnswers();
        answers.put("NO1.GP_SPECIALIST", choice("NO1.GP_SPECIALIST", AnswerOrigin.ENTERED, true, 0));
        answers.remove("NO1.GP_SPECIALIST_FTE");
        PreparationView v = view(answers, new No1Check(true, List.of(), List.of()), Set.of(), PreparationStatus.DRAFT);
        try (XSSFWorkbook wb = read(v, Locale.JAPANESE)) {
            Row fte = itemRow(wb.getSheetAt(0), "【「有り」選択時】総合診療専門医数(常勤換算)");
            assertThat(cell(fte, 3)).isEqualTo("対象外（1号 No.4 総合診療専門医 が「1:有り」のときに回答）");
            assertThat(cell(fte, 7)).isEqualTo("対象外");
            assertThat(allText(wb.getSheetAt(2))).doesNotContain("常勤換算");
        }
    }

    // ------------------------------------------------------------ sheet 2

    @Test
    void theNoticeIsOneA4PortraitPageListingOnlyTheFunctionsProvided() throws Exception {
        try (XSSFWorkbook wb = read(full(), Locale.JAPANESE)) {
            Sheet s = wb.getSheetAt(1);
            assertThat(s.getPrintSetup().getLandscape()).isFalse();
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            assertThat(s.getFitToPage()).isTrue();
            assertThat(wb.getPrintArea(1)).isEqualTo("'院内掲示（案）'!$A$1:$A$" + (s.getLastRowNum() + 1));
            String text = allText(s);
            assertThat(text).contains("【案】", "報告マニュアルの院内掲示の例と照らし合わせて",
                    "さくら在宅クリニックは、日常的な診療を総合的かつ継続的に行う機能（かかりつけ医機能）を有しています。",
                    "当院が提供している機能", "・通常の診療時間外の診療", "・介護サービス等と連携した医療の提供",
                    "皮膚・形成外科領域、神経・脳血管領域", "総合診療専門医が在籍しています。",
                    "かかりつけ医機能に関する研修の修了者が在籍しています。", "掲示日：");
            assertThat(text).doesNotContain("在宅医療の提供", "入院・退院", "精神科・神経科領域", "該当無し", "まだ", "作成します");
        }
    }

    @Test
    void withoutNo1TheNoticeSaysItCannotBePostedYetAndWhy() throws Exception {
        Map<String, PreparationAnswer> answers = fullAnswers();
        answers.put("NO1.PRIMARY_CARE_AREAS", choice("NO1.PRIMARY_CARE_AREAS", AnswerOrigin.ENTERED, true, 0));
        answers.remove("NO1.CONSULTATION");
        PreparationView v = view(answers, new No1Check(false, List.of("NO1.PRIMARY_CARE_AREAS"), List.of("NO1.CONSULTATION")),
                Set.of(ReportFunction.NO2_A), PreparationStatus.DRAFT);
        try (XSSFWorkbook wb = read(v, Locale.JAPANESE)) {
            String text = allText(wb.getSheetAt(1));
            assertThat(text).contains("1号機能（日常的な診療を総合的かつ継続的に行う機能）の要件を満たす回答がそろってから作成します",
                    "・未回答：1号 医療に関する患者からの相談への対応",
                    "・要件を満たす回答になっていません：1号 No.6 一次診療の対応ができる領域");
            assertThat(text).doesNotContain("有しています", "当院が提供している機能", "通常の診療時間外の診療", "掲示日");
            assertThat(wb.getSheetAt(1).getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            String checklist = String.join("\n", table(wb.getSheetAt(2), "☐").stream()
                    .map(r -> r.get(2) + "|" + r.get(3)).toList());
            assertThat(checklist).contains("1号 No.6 一次診療の対応ができる領域", "1号機能に必要な(★)項目ですが、要件を満たす回答になっていません。",
                    "2号機能（ロ）入退院時の支援：未回答 1項目|2号機能は、1号機能を有する医療機関が報告します。1号機能の要件を満たしたら回答してください。");
            // no line per 2号 item while 1号 is not met
            assertThat(checklist).doesNotContain("2号（ロ） No.11");
        }
    }

    /** The 院内掲示 is itself a (★) item, answered 「有り」 only once posted: the draft must not wait for it. */
    @Test
    void whenOnlyThePostingIsMissingTheDraftIsOffered() throws Exception {
        Map<String, PreparationAnswer> answers = fullAnswers();
        answers.put("NO1.POSTING", choice("NO1.POSTING", AnswerOrigin.ENTERED, true, 0));
        PreparationView v = view(answers, new No1Check(false, List.of("NO1.POSTING"), List.of()),
                Set.of(ReportFunction.NO2_A), PreparationStatus.DRAFT);
        try (XSSFWorkbook wb = read(v, Locale.JAPANESE)) {
            String text = allText(wb.getSheetAt(1));
            assertThat(text).contains("有しています", "・通常の診療時間外の診療", "残っているのは院内掲示だけです");
            assertThat(text).doesNotContain("介護サービス等と連携した医療の提供");
        }
    }

    // ------------------------------------------------------------ sheet 3

    @Test
    void theChecklistListsWhatRemains() throws Exception {
        try (XSSFWorkbook wb = read(full(), Locale.JAPANESE)) {
            Sheet s = wb.getSheetAt(2);
            List<List<String>> rows = table(s, "☐");
            assertThat(rows).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("☐"));
            List<String> lines = rows.stream().map(r -> r.get(1) + "|" + r.get(2) + "|" + r.get(3)).toList();
            assertThat(lines).contains(
                    "回答の確認|2号（イ） No.1 在宅当番医制への参加|2026年の回答を引き継いでいます（3:有り(月1回)）。今年も同じか確かめてください。",
                    "回答の確認|2号（ニ） No.1 主治医意見書の作成|自己評価から入力しています（2:有り）。出どころ：自己評価 2026-11-20 提出 / 主治医意見書の作成。確かめてください。",
                    "未回答|2号（イ） No.7 休日加算の算定回数|回答してください。",
                    "未回答|2号（ロ） No.11 紹介を受けた外来患者数(月平均)|回答してください。",
                    "G-MISで確認|2号（イ） No.5 時間外加算の算定回数|G-MISに診療報酬の請求データ（NDB）から入力されます。G-MISの画面で値を確かめてください。",
                    "項目の確認|1号 医療に関する患者からの相談への対応|尺度は未確認",
                    "院内掲示|院内掲示を掲示する|「院内掲示（案）」のシートを報告マニュアルの院内掲示の例と照らし合わせて確かめ、掲示してください。",
                    "期限|都道府県の報告期限を確かめる|報告の時期は2027年1月〜3月です。期限は都道府県ごとに異なるため、この表には日付を入れていません。都道府県からの案内で確かめてください。");
            assertThat(lines).anyMatch(l -> l.startsWith("G-MIS|G-MISのIDとパスワード"));
            assertThat(lines).anyMatch(l -> l.startsWith("記録|"));
            // answered and confirmed items are not listed as remaining
            assertThat(lines).noneMatch(l -> l.contains("特記事項"));
            assertThat(lines).noneMatch(l -> l.startsWith("準備|"));
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getLandscape()).isFalse();
        }
    }

    @Test
    void aPreparationNotStartedListsEveryItemAsUnanswered() throws Exception {
        PreparationView v = view(Map.of(), new No1Check(false, List.of(), List.of("NO1.POSTING", "NO1.PRIMARY_CARE_AREAS",
                "NO1.CONSULTATION")), Set.of(), null);
        try (XSSFWorkbook wb = read(v, Locale.JAPANESE)) {
            Sheet items = wb.getSheetAt(0);
            assertThat(allText(items)).contains("準備の状態：未着手");
            assertThat(table(items, "No.").stream().filter(r -> !r.get(2).isEmpty()).map(r -> r.get(7)))
                    .containsOnly("未回答", "対象外");
            List<String> kinds = table(wb.getSheetAt(2), "☐").stream().map(r -> r.get(1) + "|" + r.get(2)).toList();
            assertThat(kinds).contains("準備|報告準備を始める", "1号機能|1号 院内掲示による公表", "未回答|1号 No.4 総合診療専門医");
            // a (★) item is listed once, under 1号
            assertThat(kinds).doesNotContain("未回答|1号 院内掲示による公表");
            assertThat(allText(wb.getSheetAt(1))).contains("作成します");
        }
    }

    // ------------------------------------------------------------ English

    @Test
    void inEnglishEverythingOfOursAndTheEditionsEnglishIsUsed() throws Exception {
        try (XSSFWorkbook wb = read(full(), Locale.ENGLISH)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Report items");
            assertThat(wb.getSheetName(1)).isEqualTo("Notice (draft)");
            assertThat(wb.getSheetName(2)).isEqualTo("Checklist before filing");
            Sheet s = wb.getSheetAt(0);
            Row rota = itemRow(s, "Duty rota");
            assertThat(cell(rota, 0)).isEqualTo("1");
            assertThat(cell(rota, 1)).isEqualTo("Category 7");
            assertThat(cell(rota, 3)).isEqualTo("3:Yes (once a month)");
            assertThat(cell(rota, 4)).isEqualTo("Previous calendar year (2026-01-01 to 2026-12-31)");
            assertThat(cell(rota, 7)).isEqualTo("Last year's answer, unconfirmed");
            assertThat(cell(itemRow(s, "Areas of first-contact care"), 3)).isEqualTo("1:Skin and plastic surgery, 2:Nerves and brain vessels");
            assertThat(cell(itemRow(s, "After-hours claims"), 5)).isEqualTo("Filled in from NDB claims: check only");
            assertThat(allText(s)).contains("Function 2 (a): care outside regular hours", "Facility: さくら在宅クリニック");
            String notice = allText(wb.getSheetAt(1));
            assertThat(notice).contains("[DRAFT]", "さくら在宅クリニック provides comprehensive", "Care outside regular hours",
                    "• Care in cooperation with long-term care services").doesNotContain("Home care");
            assertThat(allText(wb.getSheetAt(2))).contains("January to March 2027", "Check your prefecture's deadline",
                    "see the prefecture's notice");
        }
    }

    @Test
    void theLabelsCoverEveryFunctionAndState() {
        Map<String, String> seen = new HashMap<>();
        for (Locale l : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
            var b = jp.kakaritsuke.base.i18n.AppI18NProvider.bundle(l);
            for (ReportFunction f : ReportFunction.values()) {
                assertThat(b.getString("prepxlsx.function." + f.name())).isNotBlank();
                assertThat(b.getString("prepxlsx.functionShort." + f.name())).isNotBlank();
                if (f.secondary()) {
                    seen.put(l + f.name(), b.getString("prepxlsx.notice.function." + f.name()));
                }
            }
            for (PreparationWorkbook.ItemState st : PreparationWorkbook.ItemState.values()) {
                assertThat(b.getString("prepxlsx.state." + st.name())).isNotBlank();
            }
            for (GmisPrefill g : GmisPrefill.values()) {
                assertThat(b.getString("prepxlsx.gmis." + g.name())).isNotBlank();
            }
            for (ItemPeriod p : ItemPeriod.values()) {
                assertThat(b.getString("prepxlsx.period." + p.name())).isNotBlank();
            }
        }
        assertThat(seen).hasSize(8);
    }
}
