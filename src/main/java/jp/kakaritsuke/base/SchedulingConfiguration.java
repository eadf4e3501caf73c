package jp.kakaritsuke.base;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (issue 13: mail delivery, round reminders). Several nodes may run the application on one database:
 * a job annotated {@code @SchedulerLock(name = …)} runs on one of them at a time, the lock being a row of the
 * {@code shedlock} table (changelog 023) whose times are the database's own clock ({@code usingDbTime()}), so nodes
 * with skewed clocks still agree. docs/mail.md. Issue 14: {@link ClusterSync#checkSnapshots()} is scheduled too but
 * runs on every node without a lock (each node refreshes its own memory); docs/deployment.md lists every job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
