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
                .query((rs, i) -> new Header(rs.getString("title_ja"), rs.getString("title_en"),
                        rs.getDate("published_on").toLocalDate(), rs.getString("source")))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<ReportChoice>> choices = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT item_code, code, label_ja, label_en, fulfils, exclusive FROM report_item_choice
                WHERE edition_year = ? ORDER BY item_code, code""")
                .param(year)
                .query((rs, i) -> Map.entry(rs.getString("item_code"), new ReportChoice(rs.getInt("code"),
                        rs.getString("label_ja"), rs.getString("label_en"), rs.getBoolean("fulfils"), rs.getBoolean("exclusive"))))
                .list()
                .forEach(e -> choices.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<ReportItem> items = jdbc.sql("""
                SELECT code, function_code, seq, item_no, category_ja, category_en, wording_ja, wording_en, help_ja, help_en,
                       answer_type, min_value, max_value, decimals, period, gmis_prefill, required_for_no1,
                       depends_on_item, depends_on_choice, confirmed, unconfirmed_note, source
                FROM report_item WHERE edition_year = ?""")
                .param(year)
                .query((rs, i) -> new ReportItem(rs.getString("code"), ReportFunction.valueOf(rs.getString("function_code")),
                        rs.getInt("seq"), rs.getString("item_no"), rs.getString("category_ja"), rs.getString("category_en"),
                        rs.getString("wording_ja"), rs.getString("wording_en"), rs.getString("help_ja"), rs.getString("help_en"),
                        ItemAnswerType.valueOf(rs.getString("answer_type")),
                        choices.getOrDefault(rs.getString("code"), List.of()), rs.getBigDecimal("min_value"),
                        rs.getBigDecimal("max_value"), rs.getInt("decimals"), ItemPeriod.valueOf(rs.getString("period")),
                        GmisPrefill.valueOf(rs.getString("gmis_prefill")), rs.getBoolean("required_for_no1"),
                        rs.getString("depends_on_item"), rs.getObject("depends_on_choice", Integer.class),
                        rs.getBoolean("confirmed"), rs.getString("unconfirmed_note"), rs.getString("source")))
                .list()
                .stream()
                // the 一覧's order: function by function (the enum's order), then within the function
                .sorted(java.util.Comparator.comparing(ReportItem::function).thenComparingInt(ReportItem::seq))
                .toList();
        List<CrosswalkLink> crosswalk = jdbc.sql("""
                SELECT function_code, item_code, role_code, reason_ja, reason_en FROM report_crosswalk
                WHERE edition_year = ? ORDER BY seq""")
                .param(year)
                .query((rs, i) -> new CrosswalkLink(ReportFunction.valueOf(rs.getString("function_code")),
                        rs.getString("item_code"), RoleCode.of(rs.getString("role_code")), rs.getString("reason_ja"), rs.getString("reason_en")))
                .list();
        List<PrefillRule> prefills = jdbc.sql("""
                SELECT item_code, questionnaire_version, indicator_code, choice_map, note_ja, note_en FROM report_prefill
                WHERE edition_year = ? ORDER BY item_code, questionnaire_version""")
                .param(year)
                .query((rs, i) -> new PrefillRule(rs.getString("item_code"), rs.getInt("questionnaire_version"),
                        rs.getString("indicator_code"), choiceMap(rs.getString("choice_map")), rs.getString("note_ja"),
                        rs.getString("note_en")))
                .list();
        Header h = header.get();
        return Optional.of(new ReportEdition(year, h.titleJa(), h.titleEn(), h.publishedOn(), h.source(), items, crosswalk,
                prefills));
    }

    /** The edition row itself. */
    private record Header(String titleJa, String titleEn, java.time.LocalDate publishedOn, String source) {
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
