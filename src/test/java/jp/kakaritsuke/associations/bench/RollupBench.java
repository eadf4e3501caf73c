package jp.kakaritsuke.associations.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RollupCalculator;
import jp.kakaritsuke.associations.domain.RollupRepository;
import jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilitySetRepository;
import jp.kakaritsuke.reports.service.RollupReportService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On the synthetic nation of {@link ScaleDataGenerator}: the rollup query (the app's three SQL reads) for the national
 * association and for one prefecture, against the best single hand-written SQL aggregate over the same tables in the
 * same run; then the national rollup workbook. Run: ./.ci/bench scale (docs/performance.md), in a 512 MB heap.
 */
public final class RollupBench {

    /**
     * The best single SQL aggregate over the same table the app reads: the level distribution of all 14 roles in one
     * pass over the members' compact states (70 conditional sums).
     */
    static final String HAND_WRITTEN;

    static {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int r = 1; r <= 14; r++) {
            for (int l = 0; l <= 4; l++) {
                sql.append(r == 1 && l == 0 ? "" : ", ").append("SUM(CASE WHEN SUBSTRING(s.levels, ").append(r)
                        .append(", 1) = '").append(l).append("' THEN 1 ELSE 0 END)");
            }
        }
        sql.append(" FROM facility_assessment_state s WHERE s.latest_round_id IS NOT NULL AND s.facility_id IN ")
                .append("(SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids))");
        HAND_WRITTEN = sql.toString();
    }

    /** For reference: the same distribution from the normalised tables (rounds and answers), as before the state table. */
    static final String FROM_ANSWERS = """
            SELECT ra.role_code, ra.level, COUNT(*)
            FROM role_answer ra
            JOIN assessment_round r ON r.id = ra.round_id
            JOIN (SELECT r2.facility_id, MAX(r2.submitted_at) AS latest FROM assessment_round r2
                  WHERE r2.status = 'SUBMITTED'
                    AND r2.facility_id IN (SELECT af.facility_id FROM association_facility af WHERE af.association_id IN (:ids))
                  GROUP BY r2.facility_id) l ON l.facility_id = r.facility_id AND l.latest = r.submitted_at
            GROUP BY ra.role_code, ra.level""";

    private RollupBench() {
    }

    public static void main(String[] args) throws Exception {
        DataSource ds = ScaleDataGenerator.dataSource(args.length > 0 ? args[0] : "kkf_scale");
        JdbcClient jdbc = JdbcClient.create(ds);
        AssociationRepository associations = new AssociationRepository(jdbc);
        RollupRepository rollups = new RollupRepository(jdbc);
        CaseLibraryService library = new CaseLibraryService(new CaseLibraryRepository(jdbc),
                new jp.kakaritsuke.base.ClusterSync(jdbc, new DataSourceTransactionManager(ds)));
        List<String> roles = library.library().roles().stream().map(r -> r.code().name()).toList();
        AssociationTree tree = associations.tree();
        Association national = tree.all().stream().filter(a -> a.level() == AssociationLevel.NATIONAL).findFirst().orElseThrow();
        Association tokyo = tree.all().stream().filter(a -> a.level() == AssociationLevel.PREFECTURAL && a.prefecture().equals("東京都"))
                .findFirst().orElseThrow();

        for (Association a : List.of(national, tokyo)) {
            Set<Long> scope = tree.subtree(a.id());
            Supplier<Rollup> app = () -> RollupCalculator.rollup(a, roles, rollups.members(scope));
            Supplier<Object> hand = () -> jdbc.sql(HAND_WRITTEN).param("ids", scope).query().listOfRows();
            Supplier<Object> fromAnswers = () -> jdbc.sql(FROM_ANSWERS).param("ids", scope).query().listOfRows();
            double appMs = median(app::get);
            double handMs = median(hand::get);
            double answersMs = median(fromAnswers::get);
            Rollup r = app.get();
            System.out.printf(Locale.ROOT, "%s (%d associations, %,d members): app rollup %.0f ms, hand-written aggregate %.0f ms, ratio %.2f; same from the answer tables %.0f ms%n",
                    a.name(), scope.size(), r.members(), appMs, handMs, appMs / handMs, answersMs);
        }

        Set<Long> scope = tree.subtree(national.id());
        // a round's completeness reads the members as the rollup does, plus the members nobody has joined yet (the
        // facility module's read, as facility.service.FacilityDirectory.withoutMembers makes it)
        FacilitySetRepository facilitySets = new FacilitySetRepository(jdbc);
        List<Long> memberIds = rollups.members(scope).stream().map(RollupRepository.MemberStatus::facilityId).toList();
        Supplier<Set<Long>> unregistered = () -> {
            Set<Long> result = new java.util.HashSet<>(memberIds);
            result.removeAll(facilitySets.withMembers(memberIds));
            return result;
        };
        double unregisteredMs = median(unregistered::get);
        System.out.printf(Locale.ROOT, "national round completeness, extra read of members nobody has joined: %.0f ms (%,d of them)%n",
                unregisteredMs, unregistered.get().size());

        Rollup nationalRollup = RollupCalculator.rollup(national, roles, rollups.members(scope));
        RollupReportService workbook = new RollupReportService(null, library, Clock.systemUTC());
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        workbook.write(nationalRollup, Locale.JAPANESE, OutputStream.nullOutputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "national rollup workbook (%,d consenting member rows): %.1f s, peak heap %d MB of %d MB%n",
                nationalRollup.identifiedMembers().size(), seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** One warm-up, then the median of five runs, in milliseconds. */
    static double median(Runnable work) {
        work.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(null);
        return times.get(2);
    }
}
