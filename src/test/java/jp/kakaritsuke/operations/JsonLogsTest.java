package jp.kakaritsuke.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON logs are an option (issue 14): with the profile {@code json-logs} every line on the console is one ECS JSON
 * object (Japanese kept as such); without it the console is Spring Boot's plain text, as before. Each case runs in a
 * child JVM (the logging system is set up once per JVM) with the shipped application.properties and no beans.
 */
class JsonLogsTest {

    static final String MESSAGE = "保存しました (json-logs test)";

    @Test
    void theJsonLogsProfileWritesOneEcsObjectPerLine() throws Exception {
        String output = run("json-logs");
        List<String> lines = output.lines().filter(l -> !l.startsWith(ForkedApp.MARK)).filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(output).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        JsonNode ours = null;
        for (String line : lines) {
            JsonNode node = json.readTree(line); // fails on any line that is not JSON
            assertThat(node.has("@timestamp")).as(line).isTrue();
            assertThat(node.path("log").path("level").isString() || node.has("log.level")).as(line).isTrue();
            if (line.contains("json-logs test")) {
                ours = node;
            }
        }
        assertThat(ours).as(output).isNotNull();
        assertThat(ours.path("message").asString()).isEqualTo(MESSAGE);
        assertThat(ours.path("service").path("name").asString()).isEqualTo("kakaritsuke");
    }

    @Test
    void withoutTheProfileTheConsoleIsPlainText() throws Exception {
        String output = run(null);
        String ours = output.lines().filter(l -> l.contains(MESSAGE)).findFirst().orElseThrow(() -> new AssertionError(output));
        assertThat(ours).doesNotStartWith("{").contains(" INFO ");
    }

    private static String run(String profile) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", profile); // null removes the MariaDB run's profiles
        try (ForkedApp child = ForkedApp.start(Child.class, env)) {
            assertThat(child.awaitExit(Duration.ofMinutes(2))).as(child.output()).isZero();
            return child.output();
        }
    }

    /** Starts Spring Boot without beans (the logging system and the application's properties only) and logs a line. */
    public static class Child {

        public static void main(String[] args) {
            var context = new SpringApplicationBuilder(Child.class).web(WebApplicationType.NONE)
                    .bannerMode(org.springframework.boot.Banner.Mode.OFF).run(args);
            LoggerFactory.getLogger(JsonLogsTest.class).info(MESSAGE);
            context.close();
            ForkedApp.mark("DONE");
            System.exit(0);
        }
    }
}
