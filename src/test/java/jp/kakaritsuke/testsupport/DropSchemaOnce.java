package jp.kakaritsuke.testsupport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The MariaDB run starts from an empty schema ({@code spring.liquibase.drop-first} in application-mariadb-test) once per
 * test JVM: the first application context drops and migrates, every later one (a test class with another
 * configuration, a context rebuilt after {@code @DirtiesContext}) finds the schema migrated, as every context does on
 * the shared in-memory H2. Dropping for every new context ran the whole changelog again each time and pulled the tables
 * from under the contexts still cached. Registered in src/test/resources/META-INF/spring.factories; docs/testing.md.
 * Only ever turns the drop off, so a context started with {@code drop-first=false} (a forked node) is left alone.
 */
public class DropSchemaOnce implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicBoolean DROPPED = new AtomicBoolean();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("spring.liquibase.drop-first", Boolean.class, false)) {
            return;
        }
        if (DROPPED.compareAndSet(false, true)) {
            return; // the first context of this JVM drops
        }
        environment.getPropertySources().addFirst(
                new MapPropertySource("dropSchemaOnce", Map.of("spring.liquibase.drop-first", "false")));
    }
}
