package jp.kakaritsuke.functionreport.ui;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.CrosswalkLink;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PrefillRule;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.PreparationView;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService.HistoryEntry;

/**
 * A small hand-built edition and an in-memory stand-in for the preparation service, so that the page is tested on its
 * own: what it shows, what it sends, and how it takes refusals and conflicts. The service's own rules are tested
 * with the service.
 */
public class PreparationFake {

    public static final int YEAR = 2027;

    static ReportChoice c(int code, String label, boolean fulfils) {
        return new ReportChoice(code, label, null, fulfils, false);
    }

    static ReportItem item(String code, ReportFunction f, int seq, String no, String wording, ItemAnswerType type,
                           List<ReportChoice> choices, ItemPeriod period, GmisPrefill gmis, boolean no1, String dependsOn,
                           Integer dependsChoice, boolean confirmed, int decimals) {
        return new ReportItem(code, f, seq, no, "分類" + f.prefix(), null, wording, null, gmis == GmisPrefill.NDB ? "G-MISの画面で確認" : null,
                null, type, choices, type == ItemAnswerType.NUMBER ? BigDecimal.ZERO : null,
                type == ItemAnswerType.NUMBER ? BigDecimal.valueOf(999) : null, decimals, period, gmis, no1, dependsOn,
                dependsChoice, confirmed, confirmed ? null : "番号は報告マニュアルで見つからない", "報告マニュアル p.62");
    }

    static ReportEdition edition(int year) {
        List<ReportItem> items = List.of(
                item("NO1.POSTING", ReportFunction.NO1, 1, null, "院内掲示による公表", ItemAnswerType.SINGLE_CHOICE,
                        List.of(c(0, "実施していない", false), c(1, "実施している", true)), null, GmisPrefill.NO, true, null, null,
                        false, 0),
                item("NO1.GP_SPECIALIST", ReportFunction.NO1, 4, "4", "総合診療専門医", ItemAnswerType.SINGLE_CHOICE,
                        List.of(c(0, "無し", false), c(1, "有り", true)), ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false,
                        null, null, true, 0),
                item("NO1.GP_SPECIALIST_FTE", ReportFunction.NO1, 5, "5", "総合診療専門医数(常勤換算)", ItemAnswerType.NUMBER,
                        List.of(), ItemPeriod.AS_OF_REFERENCE_DATE, GmisPrefill.NO, false, "NO1.GP_SPECIALIST", 1, true, 1),
                item("NO1.PRIMARY_CARE_AREAS", ReportFunction.NO1, 6, "6", "一次診療の対応ができる領域", ItemAnswerType.MULTI_CHOICE,
                        List.of(new ReportChoice(0, "該当無し", null, false, true), c(1, "皮膚・形成外科領域", true),
                                c(2, "神経・脳血管領域", true)), null, GmisPrefill.NO, true, null, null, true, 0),
                item("NO2A.ROTA", ReportFunction.NO2_A, 1, "1", "在宅当番医制への参加", ItemAnswerType.SINGLE_CHOICE,
                        List.of(c(0, "無し(意向無し)", false), c(1, "無し(意向有り)", false), c(2, "有り(月1回未満)", true)),
                        ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NO, false, null, null, true, 0),
                item("NO2A.PARTNERS", ReportFunction.NO2_A, 3, null, "連携医療機関の名称", ItemAnswerType.NAME_LIST, List.of(),
                        null, GmisPrefill.NO, false, null, null, false, 0),
                item("NO2A.AFTER_HOURS_CLAIMS", ReportFunction.NO2_A, 5, "5", "時間外加算の算定回数", ItemAnswerType.NUMBER,
                        List.of(), ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NDB, false, null, null, true, 0),
                item("NO2A.NOTES", ReportFunction.NO2_A, 9, "9", "特記事項", ItemAnswerType.TEXT, List.of(), null, GmisPrefill.NO,
                        false, null, null, true, 0),
                item("NO2B.REFERRED_OUTPATIENTS", ReportFunction.NO2_B, 11, "11", "紹介状により紹介を受けた外来患者数(月平均)",
                        ItemAnswerType.SINGLE_CHOICE, List.of(c(0, "無し", false), c(1, "1人未満", true)),
                        ItemPeriod.PREVIOUS_FISCAL_YEAR, GmisPrefill.NO, false, null, null, true, 0),
                item("NO2D.OPINION_LETTER", ReportFunction.NO2_D, 1, "1", "主治医意見書の作成", ItemAnswerType.SINGLE_CHOICE,
                        List.of(c(0, "無し(意向無し)", false), c(1, "無し(意向有り)", false), c(2, "有り", true)),
                        ItemPeriod.PREVIOUS_CALENDAR_YEAR, GmisPrefill.NO, false, null, null, true, 0));
        return new ReportEdition(year, "かかりつけ医機能報告 " + year, null, LocalDate.of(year - 1, 11, 4), "報告マニュアル",
                items, List.of(new CrosswalkLink(ReportFunction.NO2_D, null, RoleCode.HOME_CARE, "在宅医療の理由", null),
                new CrosswalkLink(ReportFunction.NO2_A, "NO2A.ROTA", RoleCode.HOME_CARE, "当番", null)),
                List.of(new PrefillRule("NO2D.OPINION_LETTER", 3, "CARE_WELFARE.opinion_letter",
                        Map.of("NONE_NO_INTENT", 0, "NONE_WITH_INTENT", 1, "PROVIDED", 2), "同じ設問", null)));
    }

    public final long facilityId;
    final String facilityName;
    ReportEdition edition = edition(2026);
    public PreparationStatus status;
    long version;
    public boolean canEdit = true;
    public final Map<String, PreparationAnswer> answers = new LinkedHashMap<>();
    final Map<String, String> prefilledFrom = new LinkedHashMap<>();
    final List<Map<String, AnswerInput>> saves = new ArrayList<>();
    String updatedBy = "院長";

    public PreparationFake(long facilityId, String facilityName) {
        this.facilityId = facilityId;
        this.facilityName = facilityName;
    }

    /** A stand-in for the facility, answering the (mocked) services' calls for it; more facilities may be wired. */
    public static PreparationFake wire(ReportPreparationService preparations, ReportEditionService editions, long id,
                                       String name, boolean canEdit) {
        PreparationFake fake = new PreparationFake(id, name);
        fake.canEdit = canEdit;
        int year = YEAR;
        when(editions.years()).thenReturn(List.of(2026));
        when(preparations.currentReportYear()).thenReturn(year);
        when(preparations.view(id, year)).thenAnswer(i -> fake.view());
        when(preparations.start(id, year)).thenAnswer(i -> fake.start());
        when(preparations.save(eq(id), eq(year), anyLong(), anyMap())).thenAnswer(i -> fake.save(i.getArgument(2), i.getArgument(3)));
        when(preparations.confirm(eq(id), eq(year), anyLong(), any())).thenAnswer(i -> fake.confirm(i.getArgument(2), i.getArgument(3)));
        when(preparations.submit(eq(id), eq(year), anyLong())).thenAnswer(i -> fake.submit(i.getArgument(2)));
        when(preparations.reopen(eq(id), eq(year), anyLong())).thenAnswer(i -> fake.reopen(i.getArgument(2)));
        when(preparations.history(id)).thenAnswer(i -> fake.status == null ? List.of()
                : List.of(new HistoryEntry(year, 2026, fake.status, null, null, false),
                new HistoryEntry(2026, 2026, PreparationStatus.SUBMITTED, null, Instant.parse("2026-02-01T00:00:00Z"), true)));
        when(preparations.canEdit(id)).thenReturn(canEdit);
        return fake;
    }

    public PreparationView view() {
        List<String> unconfirmed = answers.values().stream().filter(a -> !a.confirmed()).map(PreparationAnswer::itemCode).toList();
        List<String> missing = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (String code : List.of("NO1.POSTING", "NO1.PRIMARY_CARE_AREAS")) {
            PreparationAnswer a = answers.get(code);
            if (a == null || a.empty()) {
                unanswered.add(code);
            } else if (a.choices().stream().noneMatch(ch -> edition.item(code).flatMap(i -> i.choice(ch)).map(ReportChoice::fulfils).orElse(false))) {
                missing.add(code);
            }
        }
        Set<ReportFunction> provided = EnumSet.noneOf(ReportFunction.class);
        answers.values().forEach(a -> edition.item(a.itemCode()).ifPresent(i -> {
            if (i.function().secondary() && (a.choices().stream().anyMatch(ch -> i.choice(ch).map(ReportChoice::fulfils).orElse(false))
                    || !a.names().isEmpty())) {
                provided.add(i.function());
            }
        }));
        return new PreparationView(facilityId, facilityName, YEAR, edition, status == null ? null : 1L, status, version,
                Map.copyOf(answers), Map.copyOf(prefilledFrom), status == null ? null : 2026, unconfirmed,
                status == null ? null : new No1Check(missing.isEmpty() && unanswered.isEmpty(), missing, unanswered),
                provided, status == null ? null : Instant.parse("2026-12-01T01:00:00Z"), status == null ? null : updatedBy,
                status == PreparationStatus.SUBMITTED ? Instant.parse("2026-12-02T01:00:00Z") : null,
                status == PreparationStatus.SUBMITTED ? "院長" : null, canEdit);
    }

    public PreparationView start() {
        status = PreparationStatus.DRAFT;
        version = 1;
        answers.put("NO2A.ROTA", new PreparationAnswer("NO2A.ROTA", List.of(2), null, null, null, AnswerOrigin.CARRIED, false));
        answers.put("NO2D.OPINION_LETTER", new PreparationAnswer("NO2D.OPINION_LETTER", List.of(2), null, null, null,
                AnswerOrigin.PREFILLED, false));
        prefilledFrom.put("NO2D.OPINION_LETTER", "自己評価 2026-11-20 提出 / 主治医意見書の作成");
        return view();
    }

    public PreparationView save(long expectedVersion, Map<String, AnswerInput> input) {
        check(expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        Map<String, PreparationAnswer> next = new LinkedHashMap<>();
        input.forEach((code, in) -> {
            ReportItem item = edition.item(code).orElseThrow();
            BigDecimal number = null;
            if (in.number() != null) {
                if (NumberInput.parse(in.number()) instanceof NumberInput.Valid v) {
                    number = v.value().setScale(item.decimals(), RoundingMode.DOWN);
                    if (item.max() != null && number.compareTo(item.max()) > 0) {
                        errors.add(FieldError.of(code, "prep.test.range", item.max()));
                    }
                } else {
                    errors.add(FieldError.of(code, "prep.test.notANumber"));
                }
            }
            next.put(code, new PreparationAnswer(code, in.choices(), number, in.text(), in.names(), AnswerOrigin.ENTERED, true));
        });
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        saves.add(input);
        next.forEach((code, a) -> {
            if (a.empty()) {
                answers.remove(code);
            } else {
                answers.put(code, a);
            }
            prefilledFrom.remove(code);
        });
        version++;
        return view();
    }

    public PreparationView confirm(long expectedVersion, Collection<String> codes) {
        check(expectedVersion);
        codes.forEach(code -> answers.computeIfPresent(code, (k, a) -> new PreparationAnswer(k, a.choices(), a.number(), a.text(),
                a.names(), a.origin(), true)));
        version++;
        return view();
    }

    public PreparationView submit(long expectedVersion) {
        check(expectedVersion);
        status = PreparationStatus.SUBMITTED;
        version++;
        return view();
    }

    public PreparationView reopen(long expectedVersion) {
        check(expectedVersion);
        status = PreparationStatus.DRAFT;
        version++;
        return view();
    }

    /** Another person's save: a new version (and, if given, their answer). */
    public void otherPersonSaves(PreparationAnswer answer) {
        if (answer != null) {
            answers.put(answer.itemCode(), answer);
        }
        updatedBy = "副院長";
        version++;
    }

    private void check(long expectedVersion) {
        if (expectedVersion != version) {
            throw new ConflictException("stale version " + expectedVersion + " of " + version);
        }
    }
}
