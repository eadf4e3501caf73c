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
                .query((rs, i) -> new RoleGroup(rs.getString("code"), rs.getInt("seq"), rs.getString("name_ja"), rs.getString("name_en")))
                .list();
        List<Role> roles = jdbc.sql("SELECT code, seq, name_ja, name_en, group_code FROM role ORDER BY seq")
                .query((rs, i) -> new Role(RoleCode.of(rs.getString("code")), rs.getInt("seq"), rs.getString("name_ja"), rs.getString("name_en"),
                        blankToNull(rs.getString("group_code"))))
                .list();
        Map<String, List<String>> features = groupBy(
                "SELECT case_number, feature_text FROM case_region_feature ORDER BY case_number, seq",
                (rs, i) -> Map.entry(rs.getString("case_number"), rs.getString("feature_text")));
        Map<String, List<Highlight>> highlights = groupBy(
                "SELECT case_number, practice_no, highlight_text FROM case_highlight ORDER BY case_number, seq",
                (rs, i) -> Map.entry(rs.getString("case_number"),
                        new Highlight(rs.getObject("practice_no", Integer.class), rs.getString("highlight_text"))));
        Map<String, List<RoleMark>> marks = groupBy(
                "SELECT case_number, role_code, derived FROM case_role",
                (rs, i) -> Map.entry(rs.getString("case_number"), new RoleMark(RoleCode.of(rs.getString("role_code")), rs.getBoolean("derived"))));
        marks.values().forEach(list -> list.sort(Comparator.comparing(RoleMark::roleCode)));

        Map<Long, List<RoleCode>> practiceRoles = new LinkedHashMap<>();
        Map<Long, Boolean> practiceRolesDerived = new LinkedHashMap<>();
        jdbc.sql("SELECT practice_id, role_code, derived FROM practice_role").query(rs -> {
            long id = rs.getLong("practice_id");
            practiceRoles.computeIfAbsent(id, k -> new ArrayList<>()).add(RoleCode.of(rs.getString("role_code")));
            practiceRolesDerived.merge(id, rs.getBoolean("derived"), Boolean::logicalOr);
        });
        practiceRoles.values().forEach(Collections::sort);
        Map<String, List<Practice>> practices = groupBy(
                "SELECT id, case_number, practice_no, title, body FROM practice ORDER BY case_number, practice_no",
                (rs, i) -> {
                    long id = rs.getLong("id");
                    String caseNumber = rs.getString("case_number");
                    return Map.entry(caseNumber, new Practice(id, caseNumber, rs.getInt("practice_no"), rs.getString("title"),
                            rs.getString("body"), practiceRoles.getOrDefault(id, List.of()),
                            practiceRolesDerived.getOrDefault(id, Boolean.TRUE)));
                });

        List<CaseStudy> cases = jdbc.sql("""
                SELECT case_number, seq, kind, category, facility_kind, name, prefecture, municipality, location_text,
                       facility_type, facility_type_detail, beds_total, beds_general, beds_long_term, beds_psychiatric,
                       beds_infectious, overview, area_type
                FROM case_study ORDER BY seq""")
                .query((rs, i) -> {
                    String number = rs.getString("case_number");
                    String areaType = rs.getString("area_type");
                    return new CaseStudy(number, rs.getInt("seq"), CaseKind.valueOf(rs.getString("kind")),
                            CaseCategory.valueOf(rs.getString("category")), FacilityKind.valueOf(rs.getString("facility_kind")),
                            rs.getString("name"), rs.getString("prefecture"), blankToNull(rs.getString("municipality")),
                            rs.getString("location_text"), rs.getString("facility_type"),
                            blankToNull(rs.getString("facility_type_detail")),
                            new Beds(rs.getObject("beds_total", Integer.class), rs.getObject("beds_general", Integer.class),
                                    rs.getObject("beds_long_term", Integer.class), rs.getObject("beds_psychiatric", Integer.class),
                                    rs.getObject("beds_infectious", Integer.class)),
                            areaType == null ? null : jp.kakaritsuke.base.AreaType.valueOf(areaType),
                            blankToNull(rs.getString("overview")),
                            features.getOrDefault(number, List.of()), highlights.getOrDefault(number, List.of()),
                            marks.getOrDefault(number, List.of()), practices.getOrDefault(number, List.of()));
                })
                .list();

        Map<Integer, List<SurveyAnswer>> answers = groupBy(
                "SELECT question_no, answer_no, respondent, respondent_type, prefecture, answer_text FROM survey_answer ORDER BY question_no, answer_no",
                (rs, i) -> Map.entry(rs.getInt("question_no"), new SurveyAnswer(rs.getInt("question_no"), rs.getInt("answer_no"),
                        rs.getString("respondent"), RespondentType.valueOf(rs.getString("respondent_type")),
                        rs.getString("prefecture"), rs.getString("answer_text"))));
        List<SurveyQuestion> survey = jdbc.sql("SELECT question_no, title, question_text, answer_note FROM survey_question ORDER BY question_no")
                .query((rs, i) -> new SurveyQuestion(rs.getInt("question_no"), rs.getString("title"), rs.getString("question_text"),
                        blankToNull(rs.getString("answer_note")), answers.getOrDefault(rs.getInt("question_no"), List.of())))
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
