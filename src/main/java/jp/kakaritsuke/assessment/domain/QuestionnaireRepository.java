package jp.kakaritsuke.assessment.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads published questionnaires (reference data from Liquibase). Used by the service inside a read-only transaction. */
@Repository
public class QuestionnaireRepository {

    private final JdbcClient jdbc;

    public QuestionnaireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> latestVersion() {
        return jdbc.sql("SELECT MAX(version) FROM questionnaire").query(Integer.class).optional();
    }

    public Optional<Questionnaire> load(int version) {
        var header = jdbc.sql("SELECT title_ja, title_en, published_on, scoring_rule FROM questionnaire WHERE version = ?")
                .param(version)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        ScoringRule.valueOf(rs.getString(4))})
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<RoleCode, List<Indicator>> indicators = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT code, role_code, seq, label_ja, label_en, hint_ja, hint_en, answer_type, unit_ja, unit_en,
                       min_value, max_value, full_credit_value, source_case, source_practice, report_item_code, report_item_ja,
                       extra_choices, audience, period, basis_ja, basis_en
                FROM questionnaire_indicator WHERE version = ? ORDER BY role_code, seq""")
                .param(version)
                .query((rs, i) -> new Indicator(rs.getString(1), RoleCode.of(rs.getString(2)), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), AnswerType.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getString(10), rs.getObject(11, Integer.class), rs.getObject(12, Integer.class),
                        rs.getObject(13, Integer.class), rs.getString(14), rs.getObject(15, Integer.class),
                        rs.getString(16), rs.getString(17), choices(rs.getString(18)),
                        IndicatorAudience.valueOf(rs.getString(19)),
                        rs.getString(20) == null ? null : IndicatorPeriod.valueOf(rs.getString(20)),
                        rs.getString(21), rs.getString(22)))
                .list()
                .forEach(ind -> indicators.computeIfAbsent(ind.roleCode(), k -> new ArrayList<>()).add(ind));
        List<RoleQuestion> roles = jdbc.sql("""
                SELECT role_code, step_no, seq, help_ja, help_en, help_source,
                       level0_ja, level1_ja, level2_ja, level3_ja, level4_ja,
                       level0_en, level1_en, level2_en, level3_en, level4_en
                FROM questionnaire_role WHERE version = ? ORDER BY seq""")
                .param(version)
                .query((rs, i) -> new RoleQuestion(RoleCode.of(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6),
                        List.of(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
                        List.of(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)),
                        indicators.getOrDefault(RoleCode.of(rs.getString(1)), List.of())))
                .list();
        List<QuestionnaireStep> steps = jdbc.sql("""
                SELECT step_no, code, title_ja, title_en, intro_ja, intro_en FROM questionnaire_step
                WHERE version = ? ORDER BY step_no""")
                .param(version)
                .query((rs, i) -> {
                    int no = rs.getInt(1);
                    return new QuestionnaireStep(no, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), roles.stream().filter(r -> r.stepNumber() == no).map(RoleQuestion::roleCode).toList());
                })
                .list();
        Object[] h = header.get();
        return Optional.of(new Questionnaire(version, (String) h[0], (String) h[1], (java.time.LocalDate) h[2], steps, roles,
                (ScoringRule) h[3]));
    }

    private static List<Choice> choices(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(",")).map(String::strip).map(Choice::valueOf).toList();
    }
}
