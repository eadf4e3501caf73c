package jp.kakaritsuke.peers.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.kakaritsuke.associations.bench.ScaleDataGenerator;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.peers.domain.BedBand;
import jp.kakaritsuke.peers.domain.PeerAttributes;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.PeerMember;
import jp.kakaritsuke.peers.domain.PeerMemberRepository;
import jp.kakaritsuke.peers.domain.PeerStatistics;
import jp.kakaritsuke.peers.domain.PeerTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the synthetic nation of {@link ScaleDataGenerator} (100,000 facilities, about 60% consenting in peer_member):
 * what one answer of {@code PeerService} costs after its access check — a read-only transaction that reads the change
 * counter, brings the index up to date and counts the group — for the default groups of several kinds of facility, a
 * user-defined prefecture + designation group and the recommended peers; and the index's cold load and a delta after
 * one consent changed elsewhere. Warm-up, then median and p95 over many runs. Run: ./.ci/bench peers [DB]
 * (docs/performance.md, docs/peers.md).
 */
public final class PeerBench {

    private static final int WARM_UP = 200;
    private static final int RUNS = 1000;

    private PeerBench() {
    }

    public static void main(String[] args) {
        DataSource ds = ScaleDataGenerator.dataSource(args.length > 0 ? args[0] : "kkf_scale");
        JdbcClient jdbc = JdbcClient.create(ds);
        PeerMemberRepository repository = new PeerMemberRepository(jdbc);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate readWrite = new TransactionTemplate(transactions);

        // cold: a node's first answer loads every counted row
        List<Double> cold = new ArrayList<>();
        PeerIndex index = null;
        for (int i = 0; i < 5; i++) {
            PeerIndex fresh = new PeerIndex(repository);
            long t = System.nanoTime();
            readOnly.execute(s -> fresh.read(PeerTable::size));
            cold.add((System.nanoTime() - t) / 1e6);
            index = fresh;
        }
        PeerIndex warm = index;
        int counted = readOnly.execute(s -> warm.read(PeerTable::size));
        System.out.printf("index: %d consenting facilities; cold load %s%n", counted, summary(cold));

        RoleLevels own = RoleLevels.ofPacked(readOnly.execute(s -> repository.find(1).orElseThrow().profile()));
        List<PeerGroup> groups = List.of(
                PeerGroup.defaultOf(new PeerAttributes(FacilityKind.CLINIC, 0, AreaType.REGIONAL_CITY, "千葉県", Set.of())),
                PeerGroup.defaultOf(new PeerAttributes(FacilityKind.CLINIC, 0, AreaType.RURAL, "北海道", Set.of())),
                PeerGroup.defaultOf(new PeerAttributes(FacilityKind.HOSPITAL, 250, AreaType.METROPOLITAN, "大阪府", Set.of())),
                PeerGroup.defaultOf(new PeerAttributes(FacilityKind.HOSPITAL, 60, AreaType.RURAL, "高知県", Set.of())),
                new PeerGroup(FacilityKind.CLINIC, null, null, null, "東京都", Set.of(Designation.HOME_CARE_SUPPORT_CLINIC)),
                new PeerGroup(FacilityKind.CLINIC, BedBand.CLINIC_WITH_BEDS, null, Region.KYUSHU_OKINAWA, null,
                        Set.of(Designation.PRIMARY_CARE_FUNCTION_ENHANCEMENT)));
        for (PeerGroup g : groups) {
            PeerComparison[] last = new PeerComparison[1];
            String times = time(() -> readOnly.execute(s -> {
                PeerTable.Count c = warm.read(t -> t.count(g));
                last[0] = PeerStatistics.compare(PeerComparison.Kind.CUSTOM, g, c.size(), c.histogram(), own);
                return last[0];
            }));
            System.out.printf("group %-95s size %6d  %s%n", describe(g), last[0].size(), times);
        }
        PeerAttributes clinic = new PeerAttributes(FacilityKind.CLINIC, 0, AreaType.REGIONAL_CITY, "千葉県", Set.of());
        System.out.printf("recommended (50 nearest clinics of ~%d)  %s%n", counted,
                time(() -> readOnly.execute(s -> warm.read(t -> t.nearest(1, clinic, own, PeerService.RECOMMENDED_PEERS)))));

        // a consent changed by another node: the next answer here reads the counter and one changed row
        List<Double> delta = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long id = 1 + i;
            readWrite.executeWithoutResult(s -> {
                PeerMember m = repository.find(id).orElseThrow();
                repository.consent(id, !m.consenting(), java.time.Instant.now(), "bench", repository.nextChange());
            });
            long t = System.nanoTime();
            readOnly.execute(s -> warm.read(tb -> tb.count(groups.getFirst())));
            delta.add((System.nanoTime() - t) / 1e6);
        }
        for (int i = 0; i < 50; i++) { // back as it was
            long id = 1 + i;
            readWrite.executeWithoutResult(s -> {
                PeerMember m = repository.find(id).orElseThrow();
                repository.consent(id, !m.consenting(), java.time.Instant.now(), "bench", repository.nextChange());
            });
        }
        System.out.printf("answer after one change elsewhere (delta load + default group)  %s%n", summary(delta));
    }

    private static String describe(PeerGroup g) {
        return g.kind() + " " + (g.bedBand() == null ? "" : g.bedBand() + " ") + (g.areaType() == null ? "" : g.areaType() + " ")
                + (g.region() == null ? "" : g.region() + " ") + (g.prefecture() == null ? "" : g.prefecture() + " ")
                + g.designations();
    }

    private static String time(Supplier<?> answer) {
        for (int i = 0; i < WARM_UP; i++) {
            answer.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            answer.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return summary(ms);
    }

    private static String summary(List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("median %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)", sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1], sorted.length);
    }
}
