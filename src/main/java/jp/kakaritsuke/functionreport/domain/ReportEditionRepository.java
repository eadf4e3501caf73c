package jp.kakaritsuke.functionreport.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the report's editions (reference data from Liquibase, 020). Used by the service in a read-only transaction. */
@Repository
public class ReportEditionRepository {

    private final JdbcClient jdbc;

    public ReportEditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every edition's year, oldest first. */
    public List<Integer> years() {
        return jdbc.sql("SELECT edition_year FROM report_edition ORDER BY edition_year").query(Integer.class).list();
    }

    public Optional<ReportEdition> load(int year) {
        var header = jdbc.sql("SELECT title_ja, title_en, published_on, source FROM report_edition WHERE edition_year = ?")
                .param(year)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)})
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<ReportChoice>> choices = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT item_code, code, label_ja, label_en, fulfils, exclusive FROM report_item_choice
                WHERE edition_year = ? ORDER BY item_code, code""")
                .param(year)
                .query((rs, i) -> Map.entry(rs.getString(1), new ReportChoice(rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6))))
                .list()
                .forEach(e -> choices.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<ReportItem> items = jdbc.sql("""
                SELECT code, function_code, seq, item_no, category_ja, category_en, wording_ja, wording_en, help_ja, help_en,
                       answer_type, min_value, max_value, decimals, period, gmis_prefill, required_for_no1,
                       depends_on_item, depends_on_choice, confirmed, unconfirmed_note, source
                FROM report_item WHERE edition_year = ?""")
                .param(year)
                .query((rs, i) -> new ReportItem(rs.getString(1), ReportFunction.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), ItemAnswerType.valueOf(rs.getString(11)),
                        choices.getOrDefault(rs.getString(1), List.of()), rs.getBigDecimal(12), rs.getBigDecimal(13),
                        rs.getInt(14), ItemPeriod.valueOf(rs.getString(15)), GmisPrefill.valueOf(rs.getString(16)),
                        rs.getBoolean(17), rs.getString(18), rs.getObject(19, Integer.class), rs.getBoolean(20),
                        rs.getString(21), rs.getString(22)))
                .list()
                .stream()
                // the 一覧's order: function by function (the enum's order), then within the function
                .sorted(java.util.Comparator.comparing(ReportItem::function).thenComparingInt(ReportItem::seq))
                .toList();
        List<CrosswalkLink> crosswalk = jdbc.sql("""
                SELECT function_code, item_code, role_code, reason_ja, reason_en FROM report_crosswalk
                WHERE edition_year = ? ORDER BY seq""")
                .param(year)
                .query((rs, i) -> new CrosswalkLink(ReportFunction.valueOf(rs.getString(1)), rs.getString(2), RoleCode.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
        List<PrefillRule> prefills = jdbc.sql("""
                SELECT item_code, questionnaire_version, indicator_code, choice_map, note_ja, note_en FROM report_prefill
                WHERE edition_year = ? ORDER BY item_code, questionnaire_version""")
                .param(year)
                .query((rs, i) -> new PrefillRule(rs.getString(1), rs.getInt(2), rs.getString(3), choiceMap(rs.getString(4)),
                        rs.getString(5), rs.getString(6)))
                .list();
        Object[] h = header.get();
        return Optional.of(new ReportEdition(year, (String) h[0], (String) h[1], (java.time.LocalDate) h[2], (String) h[3],
                items, crosswalk, prefills));
    }

    /** {@code "A=0,B=1"} → {A: 0, B: 1}, in the stored order. */
    static Map<String, Integer> choiceMap(String stored) {
        Map<String, Integer> map = new LinkedHashMap<>();
        Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalStateException("malformed choice_map entry: " + pair);
            }
            map.put(pair.substring(0, eq).strip(), Integer.valueOf(pair.substring(eq + 1).strip()));
        });
        return map;
    }
}
