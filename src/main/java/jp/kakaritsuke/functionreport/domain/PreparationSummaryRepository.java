package jp.kakaritsuke.functionreport.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The association rollup's read of its members' preparations: two queries for any number of members. Used by the
 * associations module's services after their own visibility check; no authorisation here.
 */
@Repository
public class PreparationSummaryRepository {

    private final JdbcClient jdbc;

    public PreparationSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The preparations of these facilities for the report year (none for facilities that have not started), in
     * facility id order. Only <em>confirmed</em> answers are included: a carried or pre-filled answer nobody has
     * confirmed yet is our proposal, not the member's statement (a submitted preparation has none unconfirmed).
     */
    public List<PreparationSummary> summaries(Collection<Long> facilityIds, int reportYear) {
        if (facilityIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(facilityIds));
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select id, facility_id, status, no1_met from report_preparation"
                        + " where report_year = :year and facility_id in (:ids) order by facility_id")
                .param("year", reportYear).param("ids", ids)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("facility_id"),
                        PreparationStatus.valueOf(rs.getString("status")), rs.getBoolean("no1_met")))
                .list().forEach(r -> rows.put(r.id, r));
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.sql("select a.preparation_id, a.item_code, a.choice_codes, a.number_value from report_preparation_answer a"
                        + " join report_preparation p on p.id = a.preparation_id"
                        + " where p.report_year = :year and p.facility_id in (:ids) and a.confirmed = true")
                .param("year", reportYear).param("ids", ids)
                .query(rs -> {
                    Row row = rows.get(rs.getLong("preparation_id"));
                    String code = rs.getString("item_code");
                    String choices = rs.getString("choice_codes");
                    if (choices != null && !choices.isBlank()) {
                        row.choices.put(code, Arrays.stream(choices.split(",")).map(String::strip).map(Integer::valueOf).toList());
                    }
                    BigDecimal number = rs.getBigDecimal("number_value");
                    if (number != null) {
                        row.numbers.put(code, number);
                    }
                });
        return rows.values().stream()
                .map(r -> new PreparationSummary(r.facilityId, r.status, r.no1Met, r.choices, r.numbers)).toList();
    }

    private record Row(long id, long facilityId, PreparationStatus status, boolean no1Met,
                       Map<String, List<Integer>> choices, Map<String, BigDecimal> numbers) {
        Row(long id, long facilityId, PreparationStatus status, boolean no1Met) {
            this(id, facilityId, status, no1Met, new HashMap<>(), new HashMap<>());
        }
    }
}
