package jp.kakaritsuke.caselibrary.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.FacilityKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the whole case library in a handful of queries. Called by {@code CaseLibraryService} inside a read-only
 * transaction; never per request.
 */
@Repository
public class CaseLibraryRepository {

    private final JdbcClient jdbc;

    public CaseLibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CaseLibrary load() {
        List<RoleGroup> groups = jdbc.sql("SELECT code, seq, name_ja, name_en FROM role_group ORDER BY seq")
                .query((rs, i) -> new RoleGroup(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
        List<Role> roles = jdbc.sql("SELECT code, seq, name_ja, name_en, group_code FROM role ORDER BY seq")
                .query((rs, i) -> new Role(RoleCode.of(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4), blankToNull(rs.getString(5))))
                .list();
        Map<String, List<String>> features = groupBy(
                "SELECT case_number, feature_text FROM case_region_feature ORDER BY case_number, seq",
                (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)));
        Map<String, List<Highlight>> highlights = groupBy(
                "SELECT case_number, practice_no, highlight_text FROM case_highlight ORDER BY case_number, seq",
                (rs, i) -> Map.entry(rs.getString(1), new Highlight((Integer) rs.getObject(2, Integer.class), rs.getString(3))));
        Map<String, List<RoleMark>> marks = groupBy(
                "SELECT case_number, role_code, derived FROM case_role",
                (rs, i) -> Map.entry(rs.getString(1), new RoleMark(RoleCode.of(rs.getString(2)), rs.getBoolean(3))));
        marks.values().forEach(list -> list.sort(Comparator.comparing(RoleMark::roleCode)));

        Map<Long, List<RoleCode>> practiceRoles = new LinkedHashMap<>();
        Map<Long, Boolean> practiceRolesDerived = new LinkedHashMap<>();
        jdbc.sql("SELECT practice_id, role_code, derived FROM practice_role").query(rs -> {
            long id = rs.getLong(1);
            practiceRoles.computeIfAbsent(id, k -> new ArrayList<>()).add(RoleCode.of(rs.getString(2)));
            practiceRolesDerived.merge(id, rs.getBoolean(3), Boolean::logicalOr);
        });
        practiceRoles.values().forEach(Collections::sort);
        Map<String, List<Practice>> practices = groupBy(
                "SELECT id, case_number, practice_no, title, body FROM practice ORDER BY case_number, practice_no",
                (rs, i) -> {
                    long id = rs.getLong(1);
                    return Map.entry(rs.getString(2), new Practice(id, rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), practiceRoles.getOrDefault(id, List.of()),
                            practiceRolesDerived.getOrDefault(id, Boolean.TRUE)));
                });

        List<CaseStudy> cases = jdbc.sql("""
                SELECT case_number, seq, kind, category, facility_kind, name, prefecture, municipality, location_text,
                       facility_type, facility_type_detail, beds_total, beds_general, beds_long_term, beds_psychiatric,
                       beds_infectious, overview, area_type
                FROM case_study ORDER BY seq""")
                .query((rs, i) -> {
                    String number = rs.getString(1);
                    return new CaseStudy(number, rs.getInt(2), CaseKind.valueOf(rs.getString(3)),
                            CaseCategory.valueOf(rs.getString(4)), FacilityKind.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7), blankToNull(rs.getString(8)), rs.getString(9), rs.getString(10),
                            blankToNull(rs.getString(11)),
                            new Beds(rs.getObject(12, Integer.class), rs.getObject(13, Integer.class),
                                    rs.getObject(14, Integer.class), rs.getObject(15, Integer.class),
                                    rs.getObject(16, Integer.class)),
                            rs.getString(18) == null ? null : jp.kakaritsuke.base.AreaType.valueOf(rs.getString(18)),
                            blankToNull(rs.getString(17)),
                            features.getOrDefault(number, List.of()), highlights.getOrDefault(number, List.of()),
                            marks.getOrDefault(number, List.of()), practices.getOrDefault(number, List.of()));
                })
                .list();

        Map<Integer, List<SurveyAnswer>> answers = groupBy(
                "SELECT question_no, answer_no, respondent, respondent_type, prefecture, answer_text FROM survey_answer ORDER BY question_no, answer_no",
                (rs, i) -> Map.entry(rs.getInt(1), new SurveyAnswer(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        RespondentType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6))));
        List<SurveyQuestion> survey = jdbc.sql("SELECT question_no, title, question_text, answer_note FROM survey_question ORDER BY question_no")
                .query((rs, i) -> new SurveyQuestion(rs.getInt(1), rs.getString(2), rs.getString(3), blankToNull(rs.getString(4)),
                        answers.getOrDefault(rs.getInt(1), List.of())))
                .list();
        return new CaseLibrary(groups, roles, cases, survey);
    }

    private <K, V> Map<K, List<V>> groupBy(String sql, org.springframework.jdbc.core.RowMapper<Map.Entry<K, V>> mapper) {
        Map<K, List<V>> result = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : jdbc.sql(sql).query(mapper).list()) {
            result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
