package jp.kakaritsuke.associations.service;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.domain.RollupCalculator;
import jp.kakaritsuke.associations.domain.MemberState;
import jp.kakaritsuke.associations.domain.MemberStateRepository;
import jp.kakaritsuke.associations.bench.ScaleDataGenerator;
import jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilitySetRepository;
import jp.kakaritsuke.reports.service.RollupReportService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On the synthetic nation of {@link ScaleDataGenerator}: the rollup (what {@code RollupService} does after the
 * authorisation check: the members from this node's {@link MemberIndex} and {@link RollupCalculator}) for the national
 * association and one prefecture, beside the plainest scans of the same rows in the same run; the index's first load,
 * its catch-up after changes and its heap; then the national rollup workbook. Run: ./.ci/bench scale
 * (docs/performance.md), in a 512 MB heap.
 */
public final class RollupBench {

    /**
     * The plainest scan of the same rows: the members' packed profiles, one number per member, read as SQL would
     * be written for it (the members of the associations, their rows) and nothing computed.
     */
    static final String PLAIN_SCAN = "SELECT s.profile FROM member_state s WHERE s.facility_id IN ("
            + MemberStateRepository.MEMBERS + ")";

    /** The floor: every row of the read model, one number each, no condition at all (nationally the same rows). */
    static final String TABLE_SCAN = "SELECT s.profile FROM member_state s";

    /**
     * For reference, the best single SQL aggregate (issue 6's yardstick) over the packed column: the level
     * distribution of all 14 roles in one pass (70 conditional sums; MariaDB's bit operators).
     */
    static final String SQL_AGGREGATE;

    static {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int r = 0; r < 14; r++) {
            for (int l = 0; l <= 4; l++) {
                sql.append(r == 0 && l == 0 ? "" : ", ").append("SUM(CASE WHEN (s.profile >> ").append(3 * r)
                        .append(") & 7 = ").append(l).append(" THEN 1 ELSE 0 END)");
            }
        }
        sql.append(" FROM member_state s WHERE s.profile IS NOT NULL AND s.facility_id IN (")
                .append(MemberStateRepository.MEMBERS).append(")");
        SQL_AGGREGATE = sql.toString();
    }

    private RollupBench() {
    }

    public static void main(String[] args) throws Exception {
        DataSource ds = ScaleDataGenerator.dataSource(args.length > 0 ? args[0] : "kkf_scale");
        JdbcClient jdbc = JdbcClient.create(ds);
        AssociationRepository associations = new AssociationRepository(jdbc);
        MemberStateRepository repository = new MemberStateRepository(jdbc);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
        MemberIndex memberStates = new MemberIndex(repository, transactions);
        CaseLibraryService library = new CaseLibraryService(new CaseLibraryRepository(jdbc),
                new jp.kakaritsuke.base.ClusterSync(jdbc, new DataSourceTransactionManager(ds)));
        AssociationTree tree = associations.tree();
        Association national = tree.all().stream().filter(a -> a.level() == AssociationLevel.NATIONAL).findFirst().orElseThrow();
        Association tokyo = tree.all().stream().filter(a -> a.level() == AssociationLevel.PREFECTURAL && a.prefecture().equals("東京都"))
                .findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "load average before: %.1f (%d cores)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());

        for (Association a : List.of(national, tokyo)) {
            Set<Long> scope = tree.subtree(a.id());
            long[] sink = {0};
            Supplier<Rollup> app = () -> RollupCalculator.rollup(a, memberStates.members(scope));
            // both with the rows fetched as the rollup's read fetches them (FETCH at a time), and the plain scan also
            // with the driver's default (all rows before the first)
            Runnable plain = () -> jdbc.sql(PLAIN_SCAN).param("ids", scope).withFetchSize(FETCH).query(rs -> {
                sink[0] += rs.getLong(1);
            });
            Runnable plainDefault = () -> jdbc.sql(PLAIN_SCAN).param("ids", scope).query(rs -> {
                sink[0] += rs.getLong(1);
            });
            Runnable table = () -> jdbc.sql(TABLE_SCAN).withFetchSize(FETCH).query(rs -> {
                sink[0] += rs.getLong(1);
            });
            Supplier<Object> aggregate = () -> jdbc.sql(SQL_AGGREGATE).param("ids", scope).query().listOfRows();
            List<MemberState> members = memberStates.members(scope);
            // interleaved, so that load from elsewhere falls on all of them alike
            double[] appMs = new double[RUNS];
            double[] plainMs = new double[RUNS];
            double[] plainDefaultMs = new double[RUNS];
            double[] tableMs = new double[RUNS];
            double[] readMs = new double[RUNS];
            double[] calcMs = new double[RUNS];
            double[] idsMs = new double[RUNS];
            double[] aggregateMs = new double[RUNS];
            double[] appCpuMs = new double[RUNS];
            for (int i = -WARM_UP; i < RUNS; i++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                double ap = time(app::get);
                double apCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
                double pl = time(plain);
                double pd = time(plainDefault);
                double tb = time(table);
                double rd = time(() -> memberStates.members(scope));
                double id = time(() -> repository.memberIds(scope));
                double cc = time(() -> RollupCalculator.rollup(a, members));
                double ag = time(aggregate::get);
                if (i >= 0) {
                    appMs[i] = ap;
                    appCpuMs[i] = apCpu;
                    plainMs[i] = pl;
                    plainDefaultMs[i] = pd;
                    tableMs[i] = tb;
                    readMs[i] = rd;
                    idsMs[i] = id;
                    calcMs[i] = cc;
                    aggregateMs[i] = ag;
                }
            }
            Rollup r = app.get();
            double appMedian = median(appMs);
            double plainMedian = Math.min(median(plainMs), median(plainDefaultMs)); // the faster way of the two
            double tableMedian = median(tableMs);
            System.out.printf(Locale.ROOT, "%s (%d associations, %,d members): rollup %.0f ms (members %.0f ms, of which their ids %.0f ms; calculator %.0f ms);"
                            + " plain scan of the same rows %.0f ms, ratio %.2f; whole-table scan %.0f ms, ratio %.2f;"
                            + " SQL aggregate of the levels alone %.0f ms%n",
                    a.name(), scope.size(), r.members(), appMedian, median(readMs), median(idsMs), median(calcMs), plainMedian,
                    appMedian / plainMedian, tableMedian, appMedian / tableMedian, median(aggregateMs));
            System.out.printf(Locale.ROOT, "  fastest of %d: rollup %.0f ms, plain scan %.0f ms, whole-table scan %.0f ms;"
                            + " the rollup's CPU time in this JVM (median) %.0f ms; plain scan fetched %d rows at a time %.0f ms,"
                            + " all at once %.0f ms (medians)%n", RUNS,
                    Arrays.stream(appMs).min().orElseThrow(), Math.min(Arrays.stream(plainMs).min().orElseThrow(),
                            Arrays.stream(plainDefaultMs).min().orElseThrow()),
                    Arrays.stream(tableMs).min().orElseThrow(), median(appCpuMs), FETCH, median(plainMs), median(plainDefaultMs));
        }

        Set<Long> scope = tree.subtree(national.id());
        indexFigures(jdbc, repository, transactions, national, scope);
        // the synthetic members share 40 municipality names nationwide; Japan has about 1,700 municipalities. The same
        // members with a municipality per city association (824) show what the suppression costs on a fuller grid
        Map<Long, String> cityOf = new HashMap<>();
        Map<Long, String> cityNames = new HashMap<>(); // one string per municipality, as the repository reads them
        jdbc.sql("SELECT facility_id, association_id FROM association_facility").query(rs -> {
            cityOf.put(rs.getLong("facility_id"), cityNames.computeIfAbsent(rs.getLong("association_id"), a -> "市" + a));
        });
        List<MemberState> spread = memberStates.members(scope).stream().map(m -> new MemberState(m.facilityId(), m.name(),
                cityOf.get(m.facilityId()), m.consent(), m.draft(), m.lastSubmitted(), m.lastRoundId(), m.latest(),
                m.previous(), m.previousPriorities())).toList();
        double[] spreadMs = new double[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            double t = time(() -> RollupCalculator.rollup(national, spread));
            if (i >= 0) {
                spreadMs[i] = t;
            }
        }
        Rollup spreadRollup = RollupCalculator.rollup(national, spread);
        long hidden = spreadRollup.municipalities().stream().flatMap(m -> m.coverage().values().stream()).filter(Cell::suppressed).count();
        System.out.printf(Locale.ROOT, "calculator alone, members spread over %d municipalities (%,d coverage figures, %,d hidden): %.0f ms%n",
                spreadRollup.municipalities().size(), spreadRollup.municipalities().size() * 14, hidden, median(spreadMs));

        // the rollup page (RollupService.overview) reads every member's time of submission too, for its rounds
        // a round's completeness reads the members as the rollup does, plus the members nobody has joined yet (the
        // facility module's read, as facility.service.FacilityDirectory.withoutMembers makes it)
        FacilitySetRepository facilitySets = new FacilitySetRepository(jdbc);
        List<Long> memberIds = memberStates.members(scope).stream().map(MemberState::facilityId).toList();
        Supplier<Set<Long>> unregistered = () -> {
            Set<Long> result = new java.util.HashSet<>(memberIds);
            result.removeAll(facilitySets.withMembers(memberIds));
            return result;
        };
        double unregisteredMs = median(unregistered::get);
        System.out.printf(Locale.ROOT, "national round completeness, extra read of members nobody has joined: %.0f ms (%,d of them)%n",
                unregisteredMs, unregistered.get().size());

        Rollup nationalRollup = RollupCalculator.rollup(national, memberStates.members(scope));
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
        System.out.printf(Locale.ROOT, "load average after: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * A node's first load (a new index: every row of the read model), its catch-up after {@code CHANGED} rows changed
     * (renumbered as a change would: their content stays), and the heap the loaded index holds.
     */
    static void indexFigures(JdbcClient jdbc, MemberStateRepository repository, DataSourceTransactionManager transactions,
                             Association national, Set<Long> scope) {
        double[] coldMs = new double[5];
        for (int i = -1; i < coldMs.length; i++) {
            MemberIndex cold = new MemberIndex(repository, transactions);
            double t = time(() -> RollupCalculator.rollup(national, cold.members(scope)));
            if (i >= 0) {
                coldMs[i] = t;
            }
        }
        long[] ids = repository.memberIds(scope);
        MemberIndex index = new MemberIndex(repository, transactions);
        index.members(scope);
        double[] catchUpMs = new double[5];
        double[] warmMs = new double[5];
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        for (int i = -1; i < catchUpMs.length; i++) {
            int from = (i + 1) * CHANGED;
            tx.executeWithoutResult(status -> {
                jdbc.sql("UPDATE member_change SET change_seq = change_seq + 1 WHERE id = 1").update(); // as a write does
                long change = repository.currentChange();
                List<Long> changed = Arrays.stream(ids, from, from + CHANGED).boxed().toList();
                jdbc.sql("UPDATE member_state SET change_seq = :change WHERE facility_id IN (:ids)")
                        .param("change", change).param("ids", changed).update();
            });
            double t = time(() -> RollupCalculator.rollup(national, index.members(scope)));
            double w = time(() -> RollupCalculator.rollup(national, index.members(scope)));
            if (i >= 0) {
                catchUpMs[i] = t;
                warmMs[i] = w;
            }
        }
        System.gc();
        long before = usedHeap();
        MemberIndex held = new MemberIndex(repository, transactions);
        held.sync();
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "national rollup on a node's first use (its index loads every row): %.0f ms; after %,d"
                        + " members changed elsewhere: %.0f ms (then %.0f ms); the loaded index holds %d MB of heap (medians of 5)%n",
                median(coldMs), CHANGED, median(catchUpMs), median(warmMs), (after - before) >> 20);
        if (held.loaded() < 0) {
            throw new IllegalStateException("not loaded");
        }
    }

    static long usedHeap() {
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Members renumbered before each catch-up measure. */
    static final int CHANGED = 1000;

    static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Rows per fetch, as MemberStateRepository reads large scopes. */
    static final int FETCH = 1000;

    static final int WARM_UP = 5;
    static final int RUNS = 11;

    static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
