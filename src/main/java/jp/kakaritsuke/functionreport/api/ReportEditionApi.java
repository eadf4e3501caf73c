package jp.kakaritsuke.functionreport.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.i18n.AppI18NProvider;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.functionreport.domain.CrosswalkLink;
import jp.kakaritsuke.functionreport.domain.ItemPeriod;
import jp.kakaritsuke.functionreport.domain.PrefillRule;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report's items per edition, read-only (docs/api.md, "Report editions"). Like the questionnaire, it needs a
 * login (any user; no facility). Texts come in both languages ({@code …Ja}/{@code …En}), as in the other reference
 * data of the API. {@code ?reportYear=} turns each item's period into dates; it defaults to the edition's year.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ReportEditionApi {

    private static final AppI18NProvider TRANSLATIONS = new AppI18NProvider();

    private final ReportEditionService editions;

    ReportEditionApi(ReportEditionService editions) {
        this.editions = editions;
    }

    @GetMapping("/report-editions/current")
    EditionJson current(@RequestParam(required = false) Integer reportYear) {
        ReportEdition edition = editions.current();
        return EditionJson.of(edition, reportYear == null ? edition.year() : reportYear);
    }

    @GetMapping("/report-editions/{year}")
    EditionJson edition(@PathVariable int year, @RequestParam(required = false) Integer reportYear) {
        ReportEdition edition = editions.edition(year)
                .orElseThrow(() -> new NotFoundException("report edition", Integer.toString(year)));
        return EditionJson.of(edition, reportYear == null ? edition.year() : reportYear);
    }

    private static String ja(String key) {
        return TRANSLATIONS.getTranslation(key, AppI18NProvider.JAPANESE);
    }

    private static String en(String key) {
        return TRANSLATIONS.getTranslation(key, AppI18NProvider.ENGLISH);
    }

    record EditionJson(int year, String titleJa, String titleEn, LocalDate publishedOn, String source, int reportYear,
                       List<FunctionJson> functions, List<ItemJson> items, List<CrosswalkJson> crosswalk,
                       List<PrefillJson> prefills) {
        static EditionJson of(ReportEdition e, int reportYear) {
            return new EditionJson(e.year(), e.titleJa(), e.titleEn(), e.publishedOn(), e.source(), reportYear,
                    Arrays.stream(ReportFunction.values()).map(f -> FunctionJson.of(e, f)).toList(),
                    e.items().stream().map(i -> ItemJson.of(i, reportYear)).toList(),
                    e.crosswalk().stream().map(CrosswalkJson::of).toList(),
                    e.prefills().stream().map(PrefillJson::of).toList());
        }
    }

    record FunctionJson(String code, String prefix, String labelJa, String labelEn, boolean secondary, int items) {
        static FunctionJson of(ReportEdition e, ReportFunction f) {
            String key = "functionreport.function." + f.name();
            return new FunctionJson(f.name(), f.prefix(), ja(key), en(key), f.secondary(), e.items(f).size());
        }
    }

    record ChoiceJson(int code, String labelJa, String labelEn, boolean fulfils, boolean exclusive) {
        static ChoiceJson of(ReportChoice c) {
            return new ChoiceJson(c.code(), c.labelJa(), c.labelEn(), c.fulfils(), c.exclusive());
        }
    }

    record PeriodJson(String code, LocalDate from, LocalDate to, String labelJa, String labelEn) {
        static PeriodJson of(ItemPeriod p, int reportYear) {
            ItemPeriod.Range range = p.range(reportYear);
            String key = "functionreport.period." + p.name();
            return new PeriodJson(p.name(), range.from(), range.to(), ja(key), en(key));
        }
    }

    record DependsOnJson(String item, Integer choice) {
    }

    record ItemJson(String code, String function, String itemNo, String categoryJa, String categoryEn, String wordingJa,
                    String wordingEn, String helpJa, String helpEn, String type, List<ChoiceJson> choices, BigDecimal min,
                    BigDecimal max, int decimals, PeriodJson period, String gmis, boolean requiredForNo1,
                    DependsOnJson dependsOn, boolean confirmed, String unconfirmedNote, String source) {
        static ItemJson of(ReportItem i, int reportYear) {
            return new ItemJson(i.code(), i.function().name(), i.itemNo(), i.categoryJa(), i.categoryEn(), i.wordingJa(),
                    i.wordingEn(), i.helpJa(), i.helpEn(), i.type().name(), i.choices().stream().map(ChoiceJson::of).toList(),
                    i.min(), i.max(), i.decimals(), PeriodJson.of(i.period(), reportYear), i.gmis().name(),
                    i.requiredForNo1(), i.dependsOnItem() == null ? null : new DependsOnJson(i.dependsOnItem(), i.dependsOnChoice()),
                    i.confirmed(), i.unconfirmedNote(), i.source());
        }
    }

    /** {@code derived}: always true — the crosswalk is ours, not the report's. */
    record CrosswalkJson(String function, String item, RoleCode role, String reasonJa, String reasonEn, boolean derived) {
        static CrosswalkJson of(CrosswalkLink l) {
            return new CrosswalkJson(l.function().name(), l.itemCode(), l.roleCode(), l.reasonJa(), l.reasonEn(), true);
        }
    }

    record PrefillJson(String item, int questionnaireVersion, String indicator, Map<String, Integer> choiceMap,
                       String noteJa, String noteEn) {
        static PrefillJson of(PrefillRule p) {
            return new PrefillJson(p.itemCode(), p.questionnaireVersion(), p.indicatorCode(),
                    byReportCode(p.choiceMap()), p.noteJa(), p.noteEn());
        }

        /** In the report's choice order (0, 1, …), not the map's. */
        private static Map<String, Integer> byReportCode(Map<String, Integer> map) {
            Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
            map.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return ordered;
        }
    }
}
