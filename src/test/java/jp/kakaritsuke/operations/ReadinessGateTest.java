package jp.kakaritsuke.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readiness on the embedded default (issue 14): the application in a child JVM on a fresh H2 file with the demo on,
 * as shipped, on random ports. Two probes run as ApplicationRunners around the demo seed (order 100): one before it,
 * one after it committed; each asks the management port over HTTP. Both must see readiness 503 while liveness is
 * 200; once started, readiness is 200. Then the database goes away (its file moved, H2 shut down): readiness 503
 * because of the database, liveness still 200. Always on H2, in both runs: the demo exists only there.
 */
class ReadinessGateTest {

    private static final String SEP = "|";

    @TempDir
    Path dir;

    @Test
    void readyOnlyOnceTheDemoSeedCommittedAndNotWithoutTheDatabase() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String var : List.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD")) {
            env.put(var, null); // the MariaDB run's: the demo lives on the embedded default only
        }
        String url = ForkedApp.shippedH2Url(dir);
        try (ForkedApp child = ForkedApp.start(Child.class, env, url, dir.toString())) {
            assertThat(child.awaitExit(Duration.ofMinutes(5))).as(child.output()).isZero();
            List<String[]> marks = child.marks().stream().map(m -> m.split("\\" + SEP, -1)).toList();
            assertThat(marks).as(child.output()).extracting(m -> m[0]).containsExactly("before", "after", "started", "no-database");
            String[] before = marks.get(0);
            String[] after = marks.get(1);
            String[] started = marks.get(2);
            String[] noDatabase = marks.get(3);

            assertThat(Long.parseLong(before[1])).as("demo facilities before the seed").isZero();
            // the seed is one transaction: any demo facility means all of it committed
            assertThat(Long.parseLong(after[1])).as("demo facilities after the seed").isPositive();
            for (String[] probe : List.of(before, after)) {
                assertThat(probe[2]).as(probe[0] + ": readiness").isEqualTo("503");
                assertThat(probe[3]).as(probe[0]).contains("\"status\":\"OUT_OF_SERVICE\"")
                        .contains("\"readinessState\":{\"status\":\"OUT_OF_SERVICE\"}");
                assertThat(probe[4]).as(probe[0] + ": liveness").isEqualTo("200");
            }

            assertThat(started[2]).as("readiness once started").isEqualTo("200");
            assertThat(started[3]).contains("\"status\":\"UP\"");
            assertThat(started[4]).isEqualTo("200");

            assertThat(noDatabase[2]).as("readiness without the database").isEqualTo("503");
            assertThat(noDatabase[3]).contains("\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"DOWN\"}")
                    .contains("\"readinessState\":{\"status\":\"UP\"}");
            assertThat(noDatabase[4]).as("liveness without the database").isEqualTo("200");
        }
    }

    /** Probes the management port and prints a marker: name|demo facilities|readiness status|its body|liveness status. */
    static void probe(String name, ApplicationContext context, long demoFacilities) throws Exception {
        Http management = new Http(context.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
        HttpResponse<String> readiness = management.get("/actuator/health/readiness");
        int liveness = management.get("/actuator/health/liveness").statusCode();
        ForkedApp.mark(String.join(SEP, name, String.valueOf(demoFacilities), String.valueOf(readiness.statusCode()),
                readiness.body().replace("\n", " "), String.valueOf(liveness)));
    }

    static long demoFacilities(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM facility WHERE name LIKE '%(デモ)'")
                .query(Long.class).single();
    }

    /** A runner around the seed (a plain class registered by hand: component scanning must never find it). */
    static final class Probe implements ApplicationRunner, Ordered {

        private final String name;
        private final int order;
        private final GenericApplicationContext context;

        Probe(String name, int order, GenericApplicationContext context) {
            this.name = name;
            this.order = order;
            this.context = context;
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public void run(ApplicationArguments args) throws Exception {
            probe(name, context, demoFacilities(context));
        }
    }

    /** args: the H2 URL, the folder of its file. */
    public static class Child {

        public static void main(String[] args) {
            try {
                String url = args[0];
                Path folder = Path.of(args[1]);
                DriverManager.getConnection(url, "sa", "").close(); // the (empty) database file, so IFEXISTS holds later
                SpringApplicationBuilder builder = new SpringApplicationBuilder().initializers(
                        (ApplicationContextInitializer<GenericApplicationContext>) context -> {
                            context.registerBean("probeBeforeSeed", Probe.class, () -> new Probe("before", 99, context));
                            context.registerBean("probeAfterSeed", Probe.class, () -> new Probe("after", 101, context));
                        });
                try (ConfigurableApplicationContext app = ForkedApp.run(builder,
                        // IFEXISTS: once the file is gone H2 must not create an empty database in its place
                        "--spring.datasource.url=" + url + ";IFEXISTS=TRUE", "--spring.datasource.username=sa",
                        "--spring.datasource.password=", "--app.demo.enabled=true", "--test.mailbox.enabled=false",
                        "--vaadin.devmode.devTools.enabled=false", "--spring.datasource.hikari.connection-timeout=1000")) {
                    probe("started", app, demoFacilities(app));
                    // the database goes away: the file is moved (the open database keeps writing to it), H2 shuts down
                    Files.move(folder.resolve("kakaritsuke.mv.db"), folder.resolve("moved.mv.db"));
                    app.getBean(JdbcClient.class).sql("SHUTDOWN").update();
                    probe("no-database", app, -1);
                }
                System.exit(0);
            } catch (Throwable e) {
                e.printStackTrace(System.out);
                System.out.flush();
                Runtime.getRuntime().halt(1);
            }
        }
    }
}
