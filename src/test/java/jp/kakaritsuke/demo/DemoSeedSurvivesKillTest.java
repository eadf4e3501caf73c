package jp.kakaritsuke.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.Advised;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo seed on the embedded default, in child JVMs on an H2 file as shipped (the demo exists only there, so in
 * both runs it is always H2), on random ports. Two starts on one file, shared by two tests (each child start with
 * the whole demo seed costs about a minute on a busy CI machine, so the readiness checks ride on the second start
 * instead of a start of their own; issue 15, docs/testing.md):
 * <ol>
 * <li>the first start is killed (SIGKILL) while the demo is being seeded: it is stopped deterministically inside the
 * seed, after the sixth round is submitted (the four demo facilities done, the association members begun), prints a
 * marker and waits to be killed;</li>
 * <li>the next start on the same file seeds the whole demo again, with two probes as ApplicationRunners around the
 * seed (order 100): one before it, one after it committed, each asking the management port over HTTP. Once started
 * it checks the complete demo and logs in every printed user; then the database goes away (its file moved, H2 shut
 * down) and it probes once more.</li>
 * </ol>
 */
class DemoSeedSurvivesKillTest {

    static final int HALT_AFTER_SUBMITS = 6;
    private static final Pattern USER = Pattern.compile("^ {3}(demo-\\S+)\\s+(\\S+)$", Pattern.MULTILINE);
    private static final String SEP = "|";

    @TempDir
    static Path dir;

    /** The first start's output, up to its kill. */
    static String killed;
    /** The second start: its exit status, its output and its markers. */
    static int exit;
    static String output;
    static List<String> marks;

    @BeforeAll
    static void killASeedHalfWayThenStartAgain() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String var : List.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD")) {
            env.put(var, null); // the MariaDB run's: the demo lives on the embedded default only
        }
        String url = ForkedApp.shippedH2Url(dir);
        try (ForkedApp first = ForkedApp.start(Child.class, env, "halt", url, dir.toString())) {
            first.awaitMark(m -> m.equals("HALT"), Duration.ofMinutes(4));
            first.kill();
            killed = first.output();
        }
        try (ForkedApp second = ForkedApp.start(Child.class, env, "verify", url, dir.toString())) {
            exit = second.awaitExit(Duration.ofMinutes(5));
            output = second.output();
            marks = second.marks();
        }
    }

    /**
     * A first start killed while the demo is being seeded leaves nothing half-made: the next start seeds the whole
     * demo, prints its passwords, and only then reports ready.
     */
    @Test
    void aSeedKilledHalfWayIsRedoneCompletelyOnTheNextStart() {
        assertThat(killed).doesNotContain("Demo users").doesNotContain(ForkedApp.MARK + "READY");
        assertThat(exit).as(output).isZero();
        assertThat(marks).as(output).contains("VERIFIED");
        // the passwords appear once the seed committed, and the application is ready only after that
        assertThat(output.indexOf("Demo users")).as(output).isPositive()
                .isLessThan(output.indexOf(ForkedApp.MARK + "READY"));
    }

    /**
     * Readiness on the embedded default (issue 14): both probes around the seed see readiness 503 while liveness is
     * 200; once started, readiness is 200. Without the database readiness is 503 because of the database, liveness
     * still 200.
     */
    @Test
    void readyOnlyOnceTheDemoSeedCommittedAndNotWithoutTheDatabase() {
        assertThat(exit).as(output).isZero();
        List<String[]> probes = marks.stream().filter(m -> m.contains(SEP)).map(m -> m.split("\\" + SEP, -1)).toList();
        assertThat(probes).as(output).extracting(m -> m[0]).containsExactly("before", "after", "started", "no-database");
        String[] before = probes.get(0);
        String[] after = probes.get(1);
        String[] started = probes.get(2);
        String[] noDatabase = probes.get(3);

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

    /** Probes the management port and prints a marker: name|demo facilities|readiness status|its body|liveness status. */
    static void probe(String name, ApplicationContext context, long demoFacilities) throws Exception {
        int port = context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
        HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
        int liveness = get(port, "/actuator/health/liveness").statusCode();
        ForkedApp.mark(String.join(SEP, name, String.valueOf(demoFacilities), String.valueOf(readiness.statusCode()),
                readiness.body().replace("\n", " "), String.valueOf(liveness)));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

    /**
     * args: the mode, the H2 URL, the folder of its file. {@code halt}: seeds and stops inside the seed;
     * {@code verify}: starts on the file the killed start left (seeding again, probed around the seed), then checks
     * the complete demo, logs in every printed user with the printed password, and takes the database away.
     */
    public static class Child {

        public static void main(String[] args) {
            String mode = args[0];
            String url = args[1];
            Path folder = Path.of(args[2]);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream console = System.out;
            System.setOut(new PrintStream(new OutputStream() { // the log goes to stdout: keep a copy to read the passwords
                @Override
                public void write(int b) {
                    console.write(b);
                    captured.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    console.write(b, off, len);
                    captured.write(b, off, len);
                }

                @Override
                public void flush() {
                    console.flush();
                }
            }, true, StandardCharsets.UTF_8));
            SpringApplicationBuilder builder = new SpringApplicationBuilder();
            builder.listeners((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
                if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    ForkedApp.mark("READY");
                }
            });
            if (mode.equals("halt")) {
                // the runners (and so the seed) run after this event: stop inside the seed's transaction
                builder.listeners((ApplicationListener<ApplicationStartedEvent>) event -> {
                    AtomicInteger submits = new AtomicInteger();
                    ((Advised) event.getApplicationContext().getBean(SubmissionService.class)).addAdvice(0,
                            (MethodInterceptor) invocation -> {
                                Object result = invocation.proceed();
                                if (invocation.getMethod().getName().equals("submit")
                                        && submits.incrementAndGet() == HALT_AFTER_SUBMITS) {
                                    ForkedApp.mark("HALT");
                                    ForkedApp.awaitKill();
                                }
                                return result;
                            });
                });
            } else {
                builder.initializers((ApplicationContextInitializer<GenericApplicationContext>) context -> {
                    context.registerBean("probeBeforeSeed", Probe.class, () -> new Probe("before", 99, context));
                    context.registerBean("probeAfterSeed", Probe.class, () -> new Probe("after", 101, context));
                });
            }
            try {
                ConfigurableApplicationContext context = ForkedApp.run(builder,
                        // the second start: IFEXISTS, so that once the file is gone H2 does not create an empty one
                        "--spring.datasource.url=" + url + (mode.equals("verify") ? ";IFEXISTS=TRUE" : ""),
                        "--spring.datasource.username=sa", "--spring.datasource.password=", "--app.demo.enabled=true",
                        "--test.mailbox.enabled=false", "--vaadin.devmode.devTools.enabled=false",
                        "--spring.datasource.hikari.connection-timeout=1000");
                probe("started", context, demoFacilities(context));
                DemoAssertions.assertCompleteDemo(context);
                Map<String, String> passwords = new LinkedHashMap<>();
                Matcher m = USER.matcher(captured.toString(StandardCharsets.UTF_8));
                while (m.find()) {
                    passwords.put(m.group(1), m.group(2));
                }
                assertThat(passwords).containsOnlyKeys("demo-clinic", "demo-board", "demo-hospital", "demo-association",
                        "demo-chiba");
                UserDetailsService users = context.getBean(UserDetailsService.class);
                PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
                passwords.forEach((user, password) -> assertThat(encoder.matches(password,
                        users.loadUserByUsername(user).getPassword())).as("%s logs in with the printed password", user).isTrue());
                ForkedApp.mark("VERIFIED");
                // the database goes away: the file is moved (the open database keeps writing to it), H2 shuts down
                Files.move(folder.resolve("kakaritsuke.mv.db"), folder.resolve("moved.mv.db"));
                context.getBean(JdbcClient.class).sql("SHUTDOWN").update();
                probe("no-database", context, -1);
                context.close();
                System.exit(0);
            } catch (Throwable e) {
                e.printStackTrace(System.out);
                System.out.flush();
                Runtime.getRuntime().halt(1);
            }
        }
    }
}
