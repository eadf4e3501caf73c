package jp.kakaritsuke.base;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Two nodes started together on an empty database (docs/deployment.md, decision 0009). Liquibase's lock
 * ({@code DATABASECHANGELOGLOCK}) lets one node migrate while the others wait, but Liquibase 4.33 creates its history
 * table {@code DATABASECHANGELOG} before it takes that lock: the second node's {@code CREATE TABLE} fails with "table
 * already exists" and its start fails ({@code TwoNodesTest} saw it; liquibase/liquibase#5254). This runs the
 * migration itself, right before the Liquibase bean's own initialisation, and runs it again (at most
 * {@value #ATTEMPTS} times, a second or two apart) when it failed that way; the retry finds the tables, waits for the
 * lock while the other node migrates, and then has nothing left to do. The bean's own run is then switched off. Any
 * other failure is thrown at once, as before.
 * <p>
 * Within one JVM (several application contexts, as TwoNodesTest starts) the migrations run one at a time: Liquibase
 * 4.33 keeps whether a run holds its lock in a JVM-wide singleton command step, so two runs at once in one JVM can
 * leave the lock held for good (fixed upstream by a thread-local). Separate processes, the real nodes, are not
 * affected by that.
 * <p>
 * A node waits for another node's migration at most {@code app.cluster.migration-lock-wait} (15 minutes; Liquibase's
 * own default is 5, short for a migration that moves data on a busy server), then fails to start; a lock left by a
 * node killed while migrating must be released by hand (docs/deployment.md).
 */
@Component
class LiquibaseFirstStart implements BeanPostProcessor, EnvironmentAware {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(LiquibaseFirstStart.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase
                && environment.getProperty("spring.liquibase.enabled", Boolean.class, true)) {
            Duration wait = environment.getProperty("app.cluster.migration-lock-wait", Duration.class, Duration.ofMinutes(15));
            synchronized (LiquibaseFirstStart.class) { // one migration at a time in this JVM (above)
                migrate(() -> withLockWait(wait, liquibase::afterPropertiesSet));
            }
            liquibase.setShouldRun(false); // done: the container's call to afterPropertiesSet has nothing left to do
        }
        return bean;
    }

    interface Migration {
        void run() throws LiquibaseException;
    }

    /** Runs the migration with Liquibase's wait for its lock set to {@code wait} (whole minutes, at least 1). */
    static void withLockWait(Duration wait, Migration migration) throws LiquibaseException {
        try {
            Scope.child(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), (Object) Math.max(1L, wait.toMinutes()),
                    migration::run);
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    static void migrate(Migration migration) {
        for (int attempt = 1; ; attempt++) {
            try {
                migration.run();
                return;
            } catch (LiquibaseException e) {
                if (attempt == ATTEMPTS || !isTableCreationRace(e)) {
                    throw new BeanInitializationException("Liquibase migration failed", e);
                }
                log.info("Another node created Liquibase's tables at the same moment ({}); trying again", rootMessage(e));
                try {
                    Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(1000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new BeanInitializationException("interrupted while waiting to run Liquibase again", e);
                }
            }
        }
    }

    /**
     * A table that already exists (SQLState 42S01: MariaDB 1050, H2 42101) or a duplicate key (SQLState class 23:
     * the lock table's row) anywhere in the cause chain: what another node's simultaneous setup causes.
     */
    static boolean isTableCreationRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("42S01") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
