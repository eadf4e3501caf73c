package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import jp.kakaritsuke.associations.domain.SuppressionPropertyTest.Solver;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PreparationSummary;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import org.junit.jupiter.api.Test;

/**
 * The readiness page against the exact solver of {@link SuppressionPropertyTest}: over hundreds of random member sets
 * (seeded), a reader who knows every shown figure, the member counts and every sum the page implies cannot pin any
 * hidden count of 1 or 2. The truth is counted here, independently of the calculator.
 */
class ReportReadinessPropertyTest {

    static final String[] TOWNS = {"柏市", "松戸市", "流山市"};
    /** Two items keep the exact search small: a choice item of four choices and a number. */
    static final ReportEdition EDITION = new ReportEdition(2026, "t", null, null, "t", List.of(
            ReadinessFixtures.item("NO2A.ROTA", ReportFunction.NO2_A, ItemAnswerType.SINGLE_CHOICE,
                    ReadinessFixtures.choices("a", "b", "c", "d")),
            ReadinessFixtures.item("NO2A.AFTER_HOURS_CLAIMS", ReportFunction.NO2_A, ItemAnswerType.NUMBER, List.of())),
            List.of(), List.of());

    @Test
    void noHiddenFigureOfTheReadinessPageCanBeWorkedOut() {
        Random random = new Random(20261201);
        int sensitiveChecked = 0;
        for (int run = 0; run < 400; run++) {
            List<ReportMember> members = new ArrayList<>();
            List<PreparationSummary> summaries = new ArrayList<>();
            randomMembers(random, members, summaries);
            ReportReadiness r = ReportReadinessCalculator.calculate(ReadinessFixtures.ASSOCIATION, 2026, EDITION, members, summaries);
            sensitiveChecked += check(members, summaries, r, run);
        }
        assertThat(sensitiveChecked).as("the runs exercised hidden figures").isGreaterThan(1000);
    }

    static void randomMembers(Random random, List<ReportMember> members, List<PreparationSummary> summaries) {
        int n = random.nextInt(20);
        int towns = 1 + random.nextInt(TOWNS.length);
        // skewed answers make small cells likely
        int[] weights = new int[5];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(6);
        }
        weights[random.nextInt(5)]++;
        for (int i = 0; i < n; i++) {
            members.add(new ReportMember(i, "施設" + i, TOWNS[random.nextInt(towns)], false, random.nextInt(15) == 0));
            int state = random.nextInt(10);
            if (state < 2) {
                continue;
            }
            Map<String, List<Integer>> choices = new HashMap<>();
            int rota = pick(random, weights);
            if (rota < 4) {
                choices.put("NO2A.ROTA", List.of(rota));
            }
            int claims = random.nextInt(4);
            Map<String, BigDecimal> numbers = claims == 0 ? Map.of() : Map.of("NO2A.AFTER_HOURS_CLAIMS", BigDecimal.valueOf(claims - 1));
            summaries.add(new PreparationSummary(i, state < 4 ? PreparationStatus.DRAFT : PreparationStatus.SUBMITTED,
                    random.nextInt(5) > 0, choices, numbers));
        }
    }

    private static int pick(Random random, int[] weights) {
        int x = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Builds the reader's system from the page and the truth; returns how many sensitive figures were checked. */
    static int check(List<ReportMember> all, List<PreparationSummary> summaries, ReportReadiness r, int run) {
        List<ReportMember> members = all.stream().filter(m -> !m.association()).toList();
        Map<Long, PreparationSummary> byId = new HashMap<>();
        summaries.forEach(s -> byId.put(s.facilityId(), s));
        Map<String, int[]> truth = new TreeMap<>(); // [members, not started, in progress, submitted, 1号]
        for (ReportMember m : members) {
            int[] t = truth.computeIfAbsent(m.municipality(), k -> new int[5]);
            t[0]++;
            PreparationSummary p = byId.get(m.facilityId());
            t[p == null ? 1 : p.status() == PreparationStatus.DRAFT ? 2 : 3]++;
            if (p != null && p.status() == PreparationStatus.SUBMITTED && p.no1Met()) {
                t[4]++;
            }
        }
        assertThat(r.municipalities()).extracting(ReportReadiness.MunicipalityReadiness::municipality)
                .containsExactlyElementsOf(truth.keySet());
        int[] total = new int[5];
        truth.values().forEach(t -> {
            for (int i = 0; i < 5; i++) {
                total[i] += t[i];
            }
        });
        Solver s = new Solver(members.size());
        int[] totalVars = stateVars(s, total, r.total());
        List<int[]> townVars = new ArrayList<>();
        int index = 0;
        for (int[] t : truth.values()) {
            townVars.add(stateVars(s, t, r.municipalities().get(index++).readiness()));
        }
        if (!townVars.isEmpty()) {
            for (int k = 0; k < 5; k++) {
                int kk = k;
                s.sum(totalVars[k], townVars.stream().mapToInt(v -> v[kk]).toArray());
            }
        }
        for (ReportItem item : EDITION.items()) {
            ReportReadiness.ItemDistribution d = r.items().stream().filter(i -> i.itemCode().equals(item.code())).findFirst().orElseThrow();
            List<String> categories = ReportReadinessCalculator.categories(item);
            assertThat(d.categories()).containsExactlyElementsOf(categories);
            Map<String, List<Integer>> columns = new HashMap<>();
            int t = 0;
            for (var e : truth.entrySet()) {
                ReportReadiness.Row row = d.municipalities().get(t);
                assertThat(row.municipality()).isEqualTo(e.getKey());
                assertThat(row.base()).isEqualTo(r.municipalities().get(t).readiness().no1Met());
                int base = e.getValue()[4];
                int[] parts = new int[categories.size()];
                for (int c = 0; c < categories.size(); c++) {
                    String category = categories.get(c);
                    int n = (int) members.stream().filter(m -> m.municipality().equals(e.getKey()))
                            .filter(m -> counted(byId.get(m.facilityId())))
                            .filter(m -> answer(item, byId.get(m.facilityId())).equals(category)).count();
                    parts[c] = s.cell(n, base, row.counts().get(category));
                    columns.computeIfAbsent(category, k -> new ArrayList<>()).add(parts[c]);
                }
                s.sum(townVars.get(t)[3], parts);
                t++;
            }
            int[] parts = new int[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                String category = categories.get(c);
                int n = (int) members.stream().filter(m -> counted(byId.get(m.facilityId())))
                        .filter(m -> answer(item, byId.get(m.facilityId())).equals(category)).count();
                parts[c] = s.cell(n, total[4], d.total().counts().get(category));
                if (columns.containsKey(category)) {
                    s.sum(parts[c], columns.get(category).stream().mapToInt(Integer::intValue).toArray());
                }
            }
            s.sum(totalVars[3], parts);
        }
        return s.assertNothingPinned("readiness run " + run);
    }

    /** Variables [not started, in progress, submitted, 1号 met, 1号 not met] of one row of the state table. */
    private static int[] stateVars(Solver s, int[] t, ReportReadiness.Readiness shown) {
        int members = s.known(t[0]);
        int notStarted = s.cell(t[1], t[0], shown.notStarted());
        int inProgress = s.cell(t[2], t[0], shown.inProgress());
        int submitted = s.cell(t[3], t[0], shown.submitted());
        int met = s.cell(t[4], t[0], shown.no1Met());
        int notMet = s.cell(t[3] - t[4], t[0], shown.no1NotMet());
        s.sum(members, notStarted, inProgress, submitted);
        s.sum(submitted, met, notMet);
        return new int[] {notStarted, inProgress, submitted, met, notMet};
    }

    private static boolean counted(PreparationSummary p) {
        return p != null && p.status() == PreparationStatus.SUBMITTED && p.no1Met();
    }

    /** The category, worked out here without the calculator. */
    private static String answer(ReportItem item, PreparationSummary p) {
        if (item.type() == ItemAnswerType.NUMBER) {
            BigDecimal n = p.numbers().get(item.code());
            return n == null ? "NO_ANSWER" : n.signum() > 0 ? "POSITIVE" : "ZERO";
        }
        List<Integer> c = p.choices().get(item.code());
        return c == null ? "NO_ANSWER" : String.valueOf(c.getFirst());
    }
}
