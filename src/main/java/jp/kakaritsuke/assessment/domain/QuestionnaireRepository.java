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
                .query((rs, i) -> new Header(rs.getString("title_ja"), rs.getString("title_en"),
                        rs.getDate("published_on").toLocalDate(), ScoringRule.valueOf(rs.getString("scoring_rule"))))
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
                .query((rs, i) -> new Indicator(rs.getString("code"), RoleCode.of(rs.getString("role_code")), rs.getInt("seq"),
                        rs.getString("label_ja"), rs.getString("label_en"), rs.getString("hint_ja"), rs.getString("hint_en"),
                        AnswerType.valueOf(rs.getString("answer_type")), rs.getString("unit_ja"), rs.getString("unit_en"),
                        rs.getObject("min_value", Integer.class), rs.getObject("max_value", Integer.class),
                        rs.getObject("full_credit_value", Integer.class), rs.getString("source_case"),
                        rs.getObject("source_practice", Integer.class), rs.getString("report_item_code"),
                        rs.getString("report_item_ja"), choices(rs.getString("extra_choices")),
                        IndicatorAudience.valueOf(rs.getString("audience")), period(rs.getString("period")),
                        rs.getString("basis_ja"), rs.getString("basis_en")))
                .list()
                .forEach(ind -> indicators.computeIfAbsent(ind.roleCode(), k -> new ArrayList<>()).add(ind));
        List<RoleQuestion> roles = jdbc.sql("""
                SELECT role_code, step_no, seq, help_ja, help_en, help_source,
                       level0_ja, level1_ja, level2_ja, level3_ja, level4_ja,
                       level0_en, level1_en, level2_en, level3_en, level4_en
                FROM questionnaire_role WHERE version = ? ORDER BY seq""")
                .param(version)
                .query((rs, i) -> new RoleQuestion(RoleCode.of(rs.getString("role_code")), rs.getInt("step_no"), rs.getInt("seq"),
                        rs.getString("help_ja"), rs.getString("help_en"), rs.getString("help_source"),
                        List.of(rs.getString("level0_ja"), rs.getString("level1_ja"), rs.getString("level2_ja"),
                                rs.getString("level3_ja"), rs.getString("level4_ja")),
                        List.of(rs.getString("level0_en"), rs.getString("level1_en"), rs.getString("level2_en"),
                                rs.getString("level3_en"), rs.getString("level4_en")),
                        indicators.getOrDefault(RoleCode.of(rs.getString("role_code")), List.of())))
                .list();
        List<QuestionnaireStep> steps = jdbc.sql("""
                SELECT step_no, code, title_ja, title_en, intro_ja, intro_en FROM questionnaire_step
                WHERE version = ? ORDER BY step_no""")
                .param(version)
                .query((rs, i) -> {
                    int no = rs.getInt("step_no");
                    return new QuestionnaireStep(no, rs.getString("code"), rs.getString("title_ja"), rs.getString("title_en"),
                            rs.getString("intro_ja"), rs.getString("intro_en"), roles.stream().filter(r -> r.stepNumber() == no).map(RoleQuestion::roleCode).toList());
                })
                .list();
        Header h = header.get();
        return Optional.of(new Questionnaire(version, h.titleJa(), h.titleEn(), h.publishedOn(), steps, roles, h.scoringRule()));
    }

    /** The questionnaire row itself. */
    private record Header(String titleJa, String titleEn, java.time.LocalDate publishedOn, ScoringRule scoringRule) {
    }

    private static IndicatorPeriod period(String stored) {
        return stored == null ? null : IndicatorPeriod.valueOf(stored);
    }

    private static List<Choice> choices(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(",")).map(String::strip).map(Choice::valueOf).toList();
    }
}
