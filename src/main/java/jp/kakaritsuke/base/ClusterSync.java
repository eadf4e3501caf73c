package jp.kakaritsuke.base;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the nodes of one installation coordinate through, besides the data itself (docs/deployment.md, decision 0009):
 * the table {@code cluster_sync} (changelog 029), one row per key with a generation.
 * <ul>
 * <li>{@link #raise(String)} raises a key's generation inside the caller's transaction. The UPDATE also locks the
 * row until that transaction ends, so callers that raise the same key run one after the other across nodes (on a
 * Galera cluster the second commit fails certification instead; callers retry).</li>
 * <li>{@link #snapshot(String, Supplier)} gives an in-memory snapshot every node caches (the case library): reading
 * it never touches the database once loaded; {@link SharedSnapshot#reload()} reads it again and raises its key in the
 * same transaction; every node checks the generations every {@code app.cluster.snapshot-check} (default 5 seconds,
 * one primary-key SELECT of a two-row table) and reads a snapshot again when its key moved on.</li>
 * </ul>
 * The check runs on every node (it is not a ShedLock job: each node has its own memory to refresh).
 */
@Component
public class ClusterSync {

    private static final Logger log = LoggerFactory.getLogger(ClusterSync.class);

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final List<SharedSnapshot<?>> snapshots = new CopyOnWriteArrayList<>();
    private volatile boolean checkFailing;

    /** Public for tools that run without Spring (the rollup benchmark). */
    public ClusterSync(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Raises the key's generation in the caller's transaction (required) and returns the new generation. The row stays
     * locked until the transaction ends: a second node raising the same key waits for the first one's commit.
     */
    public long raise(String key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("ClusterSync.raise(" + key + ") needs a read-write transaction");
        }
        int updated = jdbc.sql("UPDATE cluster_sync SET generation = generation + 1 WHERE sync_key = :key")
                .param("key", key).update();
        if (updated != 1) {
            throw new IllegalStateException("no cluster_sync row '" + key + "' (changelog 029)");
        }
        return generation(key);
    }

    /** The key's current generation as this transaction (or a statement of its own) sees it. */
    public long generation(String key) {
        return jdbc.sql("SELECT generation FROM cluster_sync WHERE sync_key = :key").param("key", key)
                .query((rs, n) -> rs.getLong("generation")).optional()
                .orElseThrow(() -> new IllegalStateException("no cluster_sync row '" + key + "' (changelog 029)"));
    }

    /**
     * A snapshot of {@code loader}'s result, loaded on first use and again whenever the key's generation moves on
     * (on this node by {@link SharedSnapshot#reload()}, on another by its check). The loader runs in a read-only
     * transaction that also reads the generation.
     */
    public <T> SharedSnapshot<T> snapshot(String key, Supplier<T> loader) {
        SharedSnapshot<T> snapshot = new SharedSnapshot<>(key, loader, this, transactions);
        snapshots.add(snapshot);
        return snapshot;
    }

    /**
     * Every node, every {@code app.cluster.snapshot-check}: reads the generations and reloads the snapshots another
     * node moved on. A failure (database unreachable) is logged once and retried at the next check; the snapshots
     * stay as they are meanwhile.
     */
    @Scheduled(fixedDelayString = "${app.cluster.snapshot-check:PT5S}", initialDelayString = "${app.cluster.snapshot-check:PT5S}")
    public void checkSnapshots() {
        if (snapshots.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> generations = generations();
            for (SharedSnapshot<?> snapshot : snapshots) {
                Long generation = generations.get(snapshot.key());
                if (generation != null) {
                    snapshot.refreshIfOlderThan(generation);
                }
            }
            if (checkFailing) {
                checkFailing = false;
                log.info("Shared snapshots checked again");
            }
        } catch (DataAccessException e) {
            if (!checkFailing) {
                checkFailing = true;
                log.warn("Could not check the shared snapshots' generations (retried every interval): {}", e.getMessage());
            }
        }
    }

    private Map<String, Long> generations() {
        return jdbc.sql("SELECT sync_key, generation FROM cluster_sync")
                .query((rs, n) -> Map.entry(rs.getString("sync_key"), rs.getLong("generation"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
