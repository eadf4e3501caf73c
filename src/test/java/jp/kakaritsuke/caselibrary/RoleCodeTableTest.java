package jp.kakaritsuke.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RoleCode} is the {@code role} table as a type: the same codes in the same order (ordinal = seq - 1), on the
 * running database (H2, and MariaDB in the second run). A role added to the reference data without the enum, or the
 * other way round, fails here rather than in a rollup.
 */
@SpringBootTest
class RoleCodeTableTest {

    @Autowired
    JdbcClient jdbc;

    record Row(String code, int seq) {
    }

    @Test
    void theEnumEqualsTheRoleTableInSeqOrder() {
        List<Row> rows = jdbc.sql("SELECT code, seq FROM role ORDER BY seq").query(Row.class).list();
        assertThat(rows).extracting(Row::code)
                .containsExactlyElementsOf(Arrays.stream(RoleCode.values()).map(RoleCode::name).toList());
        for (Row row : rows) {
            assertThat(RoleCode.of(row.code()).ordinal()).as(row.code()).isEqualTo(row.seq() - 1);
        }
    }

    @Test
    void everyQuestionnaireVersionAsksTheRolesInTheEnumsOrder() {
        // the state row's columns are in RoleCode order; questionnaires list the roles by their own seq
        List<Integer> versions = jdbc.sql("SELECT version FROM questionnaire ORDER BY version").query(Integer.class).list();
        assertThat(versions).isNotEmpty();
        for (int version : versions) {
            List<String> codes = jdbc.sql("SELECT role_code FROM questionnaire_role WHERE version = ? ORDER BY seq")
                    .param(version).query(String.class).list();
            assertThat(codes).as("questionnaire version %d", version)
                    .containsExactlyElementsOf(Arrays.stream(RoleCode.values()).map(RoleCode::name).toList());
        }
    }
}
