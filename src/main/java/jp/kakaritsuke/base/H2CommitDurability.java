package jp.kakaritsuke.base;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * A commit on an H2 file database is written to the file before it returns, so a save the UI confirms survives the
 * process being killed. H2 (MVStore) otherwise keeps committed changes in memory and writes them in the background
 * every WRITE_DELAY (500 ms by default): a kill within that window lost confirmed saves. {@code WRITE_DELAY=0} makes
 * every commit store its changes at once (TransactionStore.endTransaction → MVStore.commit). Applied to any H2 URL
 * that is not in-memory, whoever configured it; MariaDB needs nothing (InnoDB flushes its log on commit).
 * Not a power-failure guarantee: H2 does not fsync on commit (docs/performance.md, README).
 */
@Component
class H2CommitDurability implements BeanPostProcessor {

    static final String SETTING = "WRITE_DELAY";
    private static final Logger log = LoggerFactory.getLogger(H2CommitDurability.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null) {
            ds.setJdbcUrl(durable(ds.getJdbcUrl()));
        }
        return bean;
    }

    /** The URL with {@code ;WRITE_DELAY=0} added when it names an H2 database on disk that does not set it itself. */
    static String durable(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        for (String part : url.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase(SETTING)) {
                if (!kv[1].trim().equals("0")) {
                    log.warn("The H2 URL sets {}={}: a confirmed save can be lost if the process dies", SETTING, kv[1]);
                }
                return url;
            }
        }
        return url + ";" + SETTING + "=0";
    }
}
