package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Proves which database a run used (the MariaDB run must really be MariaDB, with utf8mb4 tables) and that the
 * changelogs survive a second start on the same H2 file, as the embedded default does on every restart.
 */
@SpringBootTest
class DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRunUsesTheDatabaseItClaims() throws Exception {
        boolean mariadb = Arrays.asList(environment.getActiveProfiles()).contains("mariadb");
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(mariadb ? "MariaDB" : "H2");
        }
        if (mariadb) {
            // Our own tables, whatever the server's default: utf8mb4 with binary collation (docs/design-decisions).
            List<String> collations = jdbc.sql("""
                    SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES
                    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'""")
                    .query(String.class).list();
            assertThat(collations).containsExactly("utf8mb4_bin");
            // Voiced and unvoiced kana must stay different keys.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM role WHERE name_ja = 'はし' OR name_ja = 'ばし'").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT CASE WHEN CAST('はし' AS CHAR) COLLATE utf8mb4_bin = 'ばし' THEN 1 ELSE 0 END")
                    .query(Integer.class).single()).isZero();
        }
    }

    @Test
    void changelogsRunTwiceOnTheSameH2File() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "h2-restart");
        DriverManagerDataSource file = new DriverManagerDataSource(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";MODE=MariaDB;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "");
        JdbcClient onFile = JdbcClient.create(file);
        int[] changesets = new int[2];
        for (int start = 0; start < 2; start++) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(file);
            liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.xml");
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();
            changesets[start] = onFile.sql("SELECT COUNT(*) FROM databasechangelog").query(Integer.class).single();
        }
        assertThat(changesets[0]).isPositive().isEqualTo(changesets[1]);
        assertThat(onFile.sql("SELECT COUNT(*) FROM practice").query(Integer.class).single()).isEqualTo(79);
    }
}
