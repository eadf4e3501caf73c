package jp.kakaritsuke.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A save the UI confirms (「保存しました」 appears once {@link RoundService#saveRoleAnswer} has returned) survives
 * the process being killed right after: a child JVM saves eight roles through the autosave's service call, prints a
 * marker after each returns, and is killed (SIGKILL) on the last marker; a second start on the same database must
 * hold all eight. On the shipped embedded H2 file URL (in the H2 run), and on MariaDB in the MariaDB run. With H2's
 * default WRITE_DELAY (500 ms) the last saves were lost.
 */
class SaveSurvivesKillTest {

    static final int SAVES = 8;

    @TempDir
    Path dir;

    @Test
    void confirmedSavesSurviveAKillOnTheEmbeddedH2File() throws Exception {
        String profiles = System.getenv("SPRING_PROFILES_ACTIVE");
        Assumptions.assumeFalse(profiles != null && profiles.contains("mariadb"), "the same H2 file in both runs: once, in the H2 run");
        killAfterSavesThenCheck(h2Environment(), "--spring.datasource.url=" + ForkedApp.shippedH2Url(dir),
                "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    @Test
    void confirmedSavesSurviveAKillOnMariaDbInTheMariaDbRun() throws Exception {
        String profiles = System.getenv("SPRING_PROFILES_ACTIVE");
        Assumptions.assumeTrue(profiles != null && profiles.contains("mariadb"), "only in the MariaDB run");
        // the run's database (SPRING_* set by the surefire execution), not dropped: the suite's other tests use it too
        killAfterSavesThenCheck(Map.of(), "--spring.liquibase.drop-first=false");
    }

    /** The MariaDB run's SPRING_* removed, so the child uses the H2 URL it is given. */
    static Map<String, String> h2Environment() {
        Map<String, String> env = new HashMap<>();
        for (String var : List.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD")) {
            env.put(var, null);
        }
        return env;
    }

    private void killAfterSavesThenCheck(Map<String, String> env, String... args) throws Exception {
        Map<String, Integer> confirmed = new LinkedHashMap<>();
        long roundId;
        try (ForkedApp child = ForkedApp.start(Child.class, env, concat("save", args))) {
            roundId = Long.parseLong(child.awaitMark(m -> m.startsWith("ROUND "), Duration.ofMinutes(3)).substring(6));
            child.awaitMark(m -> m.startsWith("SAVED " + SAVES + " "), Duration.ofMinutes(1));
            child.kill(); // at once: the moment the UI shows 保存しました
            for (String mark : child.marks()) {
                if (mark.startsWith("SAVED ")) {
                    String[] p = mark.split(" ");
                    confirmed.put(p[2], Integer.parseInt(p[3]));
                }
            }
        }
        assertThat(confirmed).hasSize(SAVES);
        Map<String, Integer> afterRestart = new LinkedHashMap<>();
        try (ForkedApp child = ForkedApp.start(Child.class, env, concat("check", args, "--round=" + roundId))) {
            assertThat(child.awaitExit(Duration.ofMinutes(3))).as(child::output).isZero();
            for (String mark : child.marks()) {
                String[] p = mark.split(" ");
                if (p[0].equals("LEVEL") && !p[2].equals("null")) {
                    afterRestart.put(p[1], Integer.parseInt(p[2]));
                }
            }
        }
        assertThat(afterRestart).as("every confirmed save is there after the kill").containsAllEntriesOf(confirmed);
    }

    private static String[] concat(String first, String[] rest, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The child: {@code save} makes a facility, an editor and a round and autosaves roles; {@code check} reads it back. */
    public static class Child {

        public static void main(String[] args) {
            String mode = args[0];
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            ConfigurableApplicationContext context = ForkedApp.run(new SpringApplicationBuilder(), rest);
            RoundService rounds = context.getBean(RoundService.class);
            if (mode.equals("save")) {
                Fixtures fixtures = context.getBean(Fixtures.class);
                var facility = fixtures.facility(FacilityKind.CLINIC);
                fixtures.member(facility, MemberRole.EDITOR); // acts as that editor from here
                var round = rounds.startRound(facility.id());
                ForkedApp.mark("ROUND " + round.summary().id());
                for (int i = 0; i < SAVES; i++) {
                    RoleAnswerView answer = round.answers().get(i);
                    int level = 1 + i % 4;
                    // the call QuestionnaireView.save makes; it shows 保存しました when this returns
                    rounds.saveRoleAnswer(round.summary().id(), answer.roleCode(), answer.version(),
                            new RoleAnswerInput(level, false, null, Map.of()));
                    ForkedApp.mark("SAVED " + (i + 1) + " " + answer.roleCode() + " " + level);
                }
                ForkedApp.awaitKill();
            } else {
                long roundId = Long.parseLong(context.getEnvironment().getRequiredProperty("round"));
                Fixtures.asAdmin();
                for (RoleAnswerView answer : rounds.round(roundId).answers()) {
                    ForkedApp.mark("LEVEL " + answer.roleCode() + " " + answer.level());
                }
                context.close();
                System.exit(0);
            }
        }
    }
}
