package jp.kakaritsuke.scoring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.caselibrary.domain.CaseCategory;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.scoring.domain.CaseProfile;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import jp.kakaritsuke.scoring.domain.PracticeProfile;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One recommendation (similar cases + practices) against the real 25 cases (read from the Liquibase CSVs, exactly the
 * data the app loads) and against 10,000 synthetic cases with 30,000 practices. Run with .ci/bench (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecommendationBench {

    static final List<RoleCode> ROLES = List.of(RoleCode.values());
    static final String[] PREFECTURES = {"北海道", "岩手県", "千葉県", "東京都", "愛知県", "京都府", "広島県", "福岡県", "佐賀県"};

    ScoringModel real;
    ScoringModel synthetic;
    FacilityRoleProfile[] profiles;
    int next;

    @Setup
    public void setUp() throws IOException {
        real = realModel(Path.of("db-changelog/data"));
        synthetic = syntheticModel(10_000, new Random(1));
        Random random = new Random(2);
        profiles = new FacilityRoleProfile[64];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = randomProfile(random);
        }
    }

    @Benchmark
    public Recommendation recommendAgainst25Cases() {
        FacilityRoleProfile f = profiles[next++ & 63];
        return real.recommend(f, real.caseCount(), ScoringModel.MAX_PRACTICES);
    }

    @Benchmark
    public Recommendation recommendAgainst10000Cases() {
        FacilityRoleProfile f = profiles[next++ & 63];
        return synthetic.recommend(f, 25, ScoringModel.MAX_PRACTICES);
    }

    static FacilityRoleProfile randomProfile(Random random) {
        Map<RoleCode, Integer> levels = new HashMap<>();
        Set<RoleCode> priorities = new HashSet<>();
        for (RoleCode r : ROLES) {
            levels.put(r, random.nextInt(5));
            if (random.nextInt(6) == 0) {
                priorities.add(r);
            }
        }
        FacilityKind kind = FacilityKind.values()[random.nextInt(3)];
        return FacilityRoleProfile.of(kind, PREFECTURES[random.nextInt(PREFECTURES.length)],
                kind == FacilityKind.HOSPITAL ? 30 + random.nextInt(400) : 0, AreaType.values()[random.nextInt(3)], levels, priorities);
    }

    static ScoringModel syntheticModel(int n, Random random) {
        List<CaseProfile> cases = new ArrayList<>();
        List<PracticeProfile> practices = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double[] w = new double[ROLES.size()];
            for (int k = 0; k < 5; k++) {
                w[random.nextInt(w.length)] = 1;
            }
            FacilityKind kind = FacilityKind.values()[random.nextInt(3)];
            cases.add(new CaseProfile("S" + c, "synthetic " + c, CaseCategory.values()[kind.ordinal()], false, kind,
                    PREFECTURES[random.nextInt(PREFECTURES.length)], AreaType.values()[random.nextInt(3)],
                    kind == FacilityKind.HOSPITAL ? 30 + random.nextInt(600) : 0, w));
            for (int p = 1; p <= 3; p++) {
                practices.add(new PracticeProfile(practices.size() + 1, c, p, "practice " + p,
                        new int[] {random.nextInt(ROLES.size()), random.nextInt(ROLES.size())}));
            }
        }
        return new ScoringModel(cases, practices);
    }

    /** The real library from the same CSVs Liquibase loads (db-changelog/data). */
    static ScoringModel realModel(Path data) throws IOException {
        List<Map<String, String>> caseRows = Csv.read(data.resolve("case_study.csv"));
        Map<String, double[]> weights = new LinkedHashMap<>();
        caseRows.forEach(r -> weights.put(r.get("case_number"), new double[ROLES.size()]));
        for (Map<String, String> r : Csv.read(data.resolve("case_role.csv"))) {
            weights.get(r.get("case_number"))[RoleCode.of(r.get("role_code")).ordinal()] =
                    Boolean.parseBoolean(r.get("derived")) ? ScoringModel.DERIVED_ROLE_WEIGHT : 1;
        }
        Map<String, AreaType> areas = Map.ofEntries(); // area types live in a changelog; the bench uses none for cases
        List<CaseProfile> cases = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Map<String, String> r : caseRows) {
            index.put(r.get("case_number"), cases.size());
            String beds = r.get("beds_total");
            cases.add(new CaseProfile(r.get("case_number"), r.get("name"), CaseCategory.valueOf(r.get("category")),
                    "REFERENCE".equals(r.get("kind")), FacilityKind.valueOf(r.get("facility_kind")), r.get("prefecture"),
                    areas.get(r.get("case_number")), beds == null || beds.equals("NULL") ? 0 : Integer.parseInt(beds),
                    weights.get(r.get("case_number"))));
        }
        Map<Long, List<Integer>> practiceRoles = new HashMap<>();
        for (Map<String, String> r : Csv.read(data.resolve("practice_role.csv"))) {
            practiceRoles.computeIfAbsent(Long.parseLong(r.get("practice_id")), k -> new ArrayList<>())
                    .add(RoleCode.of(r.get("role_code")).ordinal());
        }
        List<PracticeProfile> practices = new ArrayList<>();
        for (Map<String, String> r : Csv.read(data.resolve("practice.csv"))) {
            long id = Long.parseLong(r.get("id"));
            int caseIndex = index.get(r.get("case_number"));
            int number = Integer.parseInt(r.get("practice_no"));
            // the same summary and reach as the app's model (RecommendationService.build)
            var summary = jp.kakaritsuke.caselibrary.domain.PracticeSummary.of(r.get("case_number"), number, r.get("body"));
            var reach = jp.kakaritsuke.scoring.domain.Reach.of(cases.get(caseIndex).kind(), r.get("case_number"), number);
            practices.add(new PracticeProfile(id, caseIndex, number, r.get("title"),
                    practiceRoles.get(id).stream().mapToInt(Integer::intValue).toArray(), summary.text(), summary.derived(),
                    reach.reach(), reach.qualifyingRole() == null ? -1 : reach.qualifyingRole().ordinal()));
        }
        return new ScoringModel(cases, practices);
    }

    /** Our own CSVs as rows keyed by header. */
    static final class Csv {
        static List<Map<String, String>> read(Path file) throws IOException {
            List<List<String>> records = jp.kakaritsuke.base.Csv.parse(Files.readString(file));
            List<String> header = records.getFirst();
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), r.get(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
