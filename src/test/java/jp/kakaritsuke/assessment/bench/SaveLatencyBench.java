package jp.kakaritsuke.assessment.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.ForkedApp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cost of a durable autosave on the embedded H2 file: {@code ./.ci/bench save [N]} times N calls of
 * {@link RoundService#saveRoleAnswer} (the autosave's call, one transaction each) on the shipped URL with
 * H2's old default {@code WRITE_DELAY=500}, with {@code WRITE_DELAY=0} (the fix: the commit is written to the file
 * before the call returns), and with {@code WRITE_DELAY=0} plus {@code CHECKPOINT SYNC} (an fsync) after each save,
 * and the database file's size afterwards ({@code ./.ci/bench save N MODE…} runs only the modes named).
 * docs/performance.md.
 */
public final class SaveLatencyBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> modes = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("WRITE_DELAY=500", "WRITE_DELAY=0", "WRITE_DELAY=0+fsync");
        for (String mode : modes) {
            Path dir = Files.createTempDirectory("save-bench");
            String url = ForkedApp.shippedH2Url(dir) + ";" + mode.replace("+fsync", "");
            ConfigurableApplicationContext context = ForkedApp.run(new SpringApplicationBuilder(),
                    "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
                    "--logging.level.root=warn");
            try {
                RoundService rounds = context.getBean(RoundService.class);
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                Fixtures fixtures = context.getBean(Fixtures.class);
                fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
                long facilityId = jdbc.sql("SELECT MAX(id) FROM facility").query(Long.class).single();
                var round = rounds.startRound(facilityId);
                long[] versions = round.answers().stream().mapToLong(RoleAnswerView::version).toArray();
                List<RoleCode> roles = round.answers().stream().map(RoleAnswerView::roleCode).toList();
                long[] nanos = new long[n];
                int warmup = Math.min(200, n / 5);
                for (int i = -warmup; i < n; i++) {
                    int r = Math.floorMod(i, roles.size());
                    long start = System.nanoTime();
                    RoleAnswerView saved = rounds.saveRoleAnswer(round.summary().id(), roles.get(r), versions[r],
                            new RoleAnswerInput(Math.floorMod(i, 5), false, null, Map.of()));
                    if (mode.endsWith("+fsync")) {
                        jdbc.sql("CHECKPOINT SYNC").update();
                    }
                    long took = System.nanoTime() - start;
                    versions[r] = saved.version();
                    if (i >= 0) {
                        nanos[i] = took;
                    }
                }
                Arrays.sort(nanos);
                long size;
                try (var files = Files.list(dir)) {
                    size = files.mapToLong(f -> f.toFile().length()).sum();
                }
                System.out.printf("%-20s saves %5d  median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  mean %6.2f ms  file %,d kB%n",
                        mode, n, nanos[n / 2] / 1e6, nanos[n * 95 / 100] / 1e6, nanos[n * 99 / 100] / 1e6,
                        Arrays.stream(nanos).average().orElse(0) / 1e6, size / 1024);
            } finally {
                context.close();
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            }
        }
        System.exit(0);
    }
}
