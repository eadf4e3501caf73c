package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which URLs get {@code WRITE_DELAY=0}, and that H2 then really runs without a write delay. */
class H2CommitDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void onDiskH2UrlsWriteEveryCommitAtOnce() {
        assertThat(H2CommitDurability.durable("jdbc:h2:file:./data/kakaritsuke;MODE=MariaDB"))
                .isEqualTo("jdbc:h2:file:./data/kakaritsuke;MODE=MariaDB;WRITE_DELAY=0");
        assertThat(H2CommitDurability.durable("jdbc:h2:./db")).isEqualTo("jdbc:h2:./db;WRITE_DELAY=0");
        // in memory there is no file; MariaDB flushes on commit itself; an explicit setting is the operator's
        assertThat(H2CommitDurability.durable("jdbc:h2:mem:kkf;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:kkf;DB_CLOSE_DELAY=-1");
        assertThat(H2CommitDurability.durable("jdbc:mariadb://127.0.0.1/kkf")).isEqualTo("jdbc:mariadb://127.0.0.1/kkf");
        assertThat(H2CommitDurability.durable("jdbc:h2:./db;write_delay=100")).isEqualTo("jdbc:h2:./db;write_delay=100");
    }

    @Test
    void theConnectionPoolOpensTheFileWithoutWriteDelay() throws Exception {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + ";MODE=MariaDB");
            ds.setUsername("sa");
            new H2CommitDurability().postProcessBeforeInitialization(ds, "dataSource");
            try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("SETTING_VALUE")).isEqualTo("0");
            }
        }
    }
}
