package jp.kakaritsuke.functionreport.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * One edition of the report's items: the season it was published for ({@code year}, e.g. 2026 for the season of
 * January–March 2026), never edited once in use — next year's manual is a new edition. Items in the 一覧's order.
 */
public record ReportEdition(int year, String titleJa, String titleEn, LocalDate publishedOn, String source,
                            List<ReportItem> items, List<CrosswalkLink> crosswalk, List<PrefillRule> prefills) {

    public ReportEdition {
        items = List.copyOf(items);
        crosswalk = List.copyOf(crosswalk);
        prefills = List.copyOf(prefills);
    }

    public Optional<ReportItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<ReportItem> items(ReportFunction function) {
        return items.stream().filter(i -> i.function() == function).toList();
    }

    /** The links of one role, function-level first. */
    public List<CrosswalkLink> crosswalkForRole(RoleCode roleCode) {
        return crosswalk.stream().filter(l -> l.roleCode() == roleCode)
                .sorted(java.util.Comparator.comparing((CrosswalkLink l) -> l.itemCode() != null).thenComparing(CrosswalkLink::function))
                .toList();
    }

    /** The links that concern an item: its own and its function's. */
    public List<CrosswalkLink> crosswalkForItem(ReportItem item) {
        return crosswalk.stream().filter(l -> item.code().equals(l.itemCode())
                || (l.itemCode() == null && l.function() == item.function())).toList();
    }

    public String title(java.util.Locale locale) {
        return ReportItem.english(locale) && titleEn != null ? titleEn : titleJa;
    }
}
