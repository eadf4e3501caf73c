package jp.kakaritsuke.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readiness on the embedded default (issue 14): the application in this JVM on a fresh H2 file with the demo on, as
 * shipped, on random ports. Two probes run as ApplicationRunners around the demo seed (order 100): one before it, one
 * after it committed; each asks the management port over HTTP. Both must see readiness DOWN (503) while liveness is
 * UP; once started, readiness is UP with the complete demo there. Then the database goes away (H2 shut down, its file
 * moved): readiness DOWN because of the database, liveness still UP.
 */
class ReadinessGateTest {

    private static final String DEMO_FACILITIES = "SELECT COUNT(*) FROM facility WHERE name LIKE '%(デモ)'";

    @TempDir
    Path dir;

    record Seen(String probe, long demoFacilities, int readiness, String readinessBody, int liveness) {
    }

    /** A runner that asks the management port (a plain class: component scanning must never find it). */
    static final class Probe implements ApplicationRunner, Ordered {

        private final String name;
        private final int order;
        private final GenericApplicationContext context;
        private final List<Seen> seen;

        Probe(String name, int order, GenericApplicationContext context, List<Seen> seen) {
            this.name = name;
            this.order = order;
            this.context = context;
            this.seen = seen;
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public void run(ApplicationArguments args) throws Exception {
            long demo = context.getBean(JdbcClient.class).sql(DEMO_FACILITIES).query(Long.class).single();
            Http management = new Http(managementPort(context));
            HttpResponse<String> readiness = management.get("/actuator/health/readiness");
            seen.add(new Seen(name, demo, readiness.statusCode(), readiness.body(),
                    management.get("/actuator/health/liveness").statusCode()));
        }
    }

    @Test
    void readyOnlyOnceTheDemoSeedCommittedAndNotWithoutTheDatabase() throws Exception {
        // the demo is the embedded default's; the MariaDB run would start the very same H2 application again
        assumeFalse(String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("mariadb"));
        String url = ForkedApp.shippedH2Url(dir);
        DriverManager.getConnection(url, "sa", "").close(); // the (empty) database file, so IFEXISTS holds later
        List<Seen> seen = new CopyOnWriteArrayList<>();
        SpringApplicationBuilder builder = new SpringApplicationBuilder().initializers(
                (ApplicationContextInitializer<GenericApplicationContext>) context -> {
                    context.registerBean("probeBeforeSeed", Probe.class, () -> new Probe("before", 99, context, seen));
                    context.registerBean("probeAfterSeed", Probe.class, () -> new Probe("after", 101, context, seen));
                });
        try (ConfigurableApplicationContext app = ForkedApp.run(builder,
                "--spring.profiles.active=readiness-test", // not the test run's default profile (its in-memory database)
                "--spring.datasource.url=" + url + ";IFEXISTS=TRUE", "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--app.demo.enabled=true", "--vaadin.devmode.devTools.enabled=false",
                "--spring.datasource.hikari.connection-timeout=1000")) {
            assertThat(seen).extracting(Seen::probe).containsExactly("before", "after");
            Seen before = seen.get(0);
            Seen after = seen.get(1);
            assertThat(before.demoFacilities()).isZero();
            assertThat(after.demoFacilities()).as("the seed committed before the second probe").isEqualTo(22);
            for (Seen s : seen) {
                assertThat(s.readiness()).as(s.probe()).isEqualTo(503);
                assertThat(s.readinessBody()).as(s.probe()).contains("\"status\":\"OUT_OF_SERVICE\"")
                        .contains("\"readinessState\":{\"status\":\"OUT_OF_SERVICE\"}");
                assertThat(s.liveness()).as(s.probe()).isEqualTo(200);
            }

            Http management = new Http(managementPort(app));
            HttpResponse<String> ready = management.get("/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"");

            // the database goes away: the file is moved (the open database keeps writing to it), then H2 shuts down;
            // IFEXISTS keeps H2 from creating an empty database in its place
            Path file = dir.resolve("kakaritsuke.mv.db");
            Files.move(file, dir.resolve("moved.mv.db"));
            app.getBean(JdbcClient.class).sql("SHUTDOWN").update();
            HttpResponse<String> noDatabase = management.get("/actuator/health/readiness");
            assertThat(noDatabase.statusCode()).isEqualTo(503);
            assertThat(noDatabase.body()).contains("\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"DOWN\"}")
                    .contains("\"readinessState\":{\"status\":\"UP\"}");
            assertThat(management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
    }

    private static int managementPort(org.springframework.context.ApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }
}
