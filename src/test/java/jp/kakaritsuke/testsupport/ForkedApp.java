package jp.kakaritsuke.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jp.kakaritsuke.KakaritsukeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in a child JVM (same java binary, the test class path), for tests that kill it with
 * {@code destroyForcibly()} (SIGKILL: no shutdown hook, no clean database close) and start it again on the same
 * database. The child prints marker lines starting with {@link #MARK}; the parent waits for them.
 */
public final class ForkedApp implements AutoCloseable {

    public static final String MARK = "@@ ";

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ForkedApp(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
            synchronized (lines) {
                lines.notifyAll();
            }
        }, "forked-app-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} in a new JVM in the project folder (Vaadin looks for it there). {@code env} entries replace the inherited environment;
     * a null value removes the variable (e.g. the MariaDB run's SPRING_* for a child that must use H2).
     */
    public static ForkedApp start(Class<?> main, Map<String, String> env, String... args) throws IOException {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBinary, "-XX:TieredStopAtLevel=1", "-Xmx768m", "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8"));
        if (System.getProperty("vaadin.node.folder") != null) {
            command.add("-Dvaadin.node.folder=" + System.getProperty("vaadin.node.folder"));
        }
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(new java.io.File(System.getProperty("user.dir"))).redirectErrorStream(true);
        // the test class path without empty entries (an empty entry would add the working folder)
        builder.environment().put("CLASSPATH", java.util.Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).filter(e -> !e.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return new ForkedApp(builder.start());
    }

    /** Waits for a marker line (without the prefix) that matches; fails with the child's output otherwise. */
    public String awaitMark(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    String line = lines.get(seen);
                    if (line.startsWith(MARK) && matches.test(line.substring(MARK.length()))) {
                        return line.substring(MARK.length());
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!reader.isAlive() && seen == lines.size())) {
                    throw new AssertionError("no expected marker from the child (alive: " + process.isAlive() + "); output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** SIGKILL, at once. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the child did not finish in " + timeout + "; output:\n" + output());
        }
        reader.join(5000); // the last lines
        return process.exitValue();
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public List<String> marks() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(MARK)).map(l -> l.substring(MARK.length())).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    // ---- child side ----

    /**
     * The shipped embedded default ({@code spring.datasource.url} of src/main/resources/application.properties) with
     * its folder {@code ./data} replaced by {@code dir}.
     */
    public static String shippedH2Url(Path dir) throws IOException {
        Properties p = new Properties();
        try (var in = KakaritsukeApplication.class.getResourceAsStream("/application.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String url = p.getProperty("spring.datasource.url");
        if (!url.contains("./data/")) {
            throw new IllegalStateException("the embedded default moved: " + url);
        }
        return url.replace("./data/", dir.toAbsolutePath() + "/");
    }

    /** Starts the application as the child of a test, on a random port (the security configuration needs the web). */
    public static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        all.add("--management.server.port=0"); // Actuator's own port (docs/operations.md): never a fixed one in tests
        // a child is killed on purpose: its scheduled jobs must not be caught holding their cluster-wide locks
        // (ShedLock rows in the shared MariaDB test database) while the parent's tests use them
        all.add("--app.mail.delivery-interval=PT1H");
        all.add("--app.rounds.reminder-cron=-");
        return builder.sources(KakaritsukeApplication.class).run(all.toArray(String[]::new));
    }

    /** Prints a marker for the parent, flushed before returning. */
    public static void mark(String text) {
        PrintStream out = System.out;
        out.println(MARK + text);
        out.flush();
    }

    /** Waits to be killed; ends the JVM without any shutdown (like a kill) if the parent never does. */
    public static void awaitKill() {
        try {
            Thread.sleep(Duration.ofMinutes(2));
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(3);
    }
}
