package jp.kakaritsuke.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.Advised;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A first start killed (SIGKILL) while the demo is being seeded leaves nothing half-made: the next start seeds the
 * whole demo, prints its passwords, and only then reports ready. The child is stopped deterministically inside the
 * seed: after the sixth round is submitted (the four demo facilities done, the association members begun) it prints
 * a marker and waits to be killed. Always on an H2 file: the demo exists only on the embedded default.
 */
class DemoSeedSurvivesKillTest {

    static final int HALT_AFTER_SUBMITS = 6;
    private static final Pattern USER = Pattern.compile("^ {3}(demo-\\S+)\\s+(\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aSeedKilledHalfWayIsRedoneCompletelyOnTheNextStart() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String var : List.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD")) {
            env.put(var, null); // the MariaDB run's: the demo lives on the embedded default only
        }
        String[] args = {"--spring.datasource.url=" + ForkedApp.shippedH2Url(dir), "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--app.demo.enabled=true"};
        try (ForkedApp first = ForkedApp.start(Child.class, env, concat("halt", args))) {
            first.awaitMark(m -> m.equals("HALT"), Duration.ofMinutes(4));
            first.kill();
            assertThat(first.output()).doesNotContain("Demo users").doesNotContain(ForkedApp.MARK + "READY");
        }
        try (ForkedApp second = ForkedApp.start(Child.class, env, concat("verify", args))) {
            int exit = second.awaitExit(Duration.ofMinutes(5));
            String output = second.output();
            assertThat(exit).as(output).isZero();
            assertThat(second.marks()).as(output).contains("VERIFIED");
            // the passwords appear once the seed committed, and the application is ready only after that
            assertThat(output.indexOf("Demo users")).as(output).isPositive()
                    .isLessThan(output.indexOf(ForkedApp.MARK + "READY"));
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * {@code halt}: seeds and stops inside the seed; {@code verify}: starts (seeding again), then checks the complete
     * demo and logs in every printed user with the printed password.
     */
    public static class Child {

        public static void main(String[] args) {
            String mode = args[0];
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
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
            }
            try {
                ConfigurableApplicationContext context = ForkedApp.run(builder, rest);
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
