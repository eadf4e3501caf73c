package jp.kakaritsuke.base;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An immutable value every node keeps in memory (the case library), with the generation of the {@code cluster_sync}
 * row it was read at. Made by {@link ClusterSync#snapshot}. {@link #get()} costs no database access once loaded;
 * {@link #reload()} reads the value again and raises the generation in the same transaction, so the other nodes read
 * it again at their next check ({@link ClusterSync#checkSnapshots()}). A newer generation always wins: a slow load
 * never replaces a value read at a later generation.
 */
public final class SharedSnapshot<T> {

    private static final Logger log = LoggerFactory.getLogger(SharedSnapshot.class);

    private record Loaded<T>(long generation, T value) {
    }

    private final String key;
    private final Supplier<T> loader;
    private final ClusterSync sync;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final AtomicReference<Loaded<T>> current = new AtomicReference<>();

    SharedSnapshot(String key, Supplier<T> loader, ClusterSync sync, PlatformTransactionManager transactions) {
        this.key = key;
        this.loader = loader;
        this.sync = sync;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
    }

    /** The value, loaded on first use. */
    public T get() {
        Loaded<T> loaded = current.get();
        if (loaded == null) {
            loaded = offer(load());
        }
        return loaded.value();
    }

    /**
     * Reads the value again now and raises its generation in the same transaction: once that commits, every other
     * node reads it again at its next check. Call it after the change it should pick up was committed.
     */
    public T reload() {
        Loaded<T> fresh = readWrite.execute(status -> {
            long generation = sync.raise(key);
            return new Loaded<>(generation, loader.get());
        });
        offer(fresh);
        return fresh.value();
    }

    /** The generation the value in memory was read at; -1 before the first use. */
    public long generation() {
        Loaded<T> loaded = current.get();
        return loaded == null ? -1 : loaded.generation();
    }

    String key() {
        return key;
    }

    /** The check found {@code generation} in the database: read again if the value in memory is older. */
    void refreshIfOlderThan(long generation) {
        Loaded<T> loaded = current.get();
        if (loaded != null && loaded.generation() < generation) {
            Loaded<T> fresh = offer(load());
            log.info("Shared snapshot '{}' read again: generation {} (was {}), changed on another node", key,
                    fresh.generation(), loaded.generation());
        }
    }

    /** The generation first, then the value, in one read-only transaction (one snapshot on MariaDB). */
    private Loaded<T> load() {
        return readOnly.execute(status -> {
            long generation = sync.generation(key);
            return new Loaded<>(generation, loader.get());
        });
    }

    private Loaded<T> offer(Loaded<T> fresh) {
        return current.accumulateAndGet(fresh,
                (old, offered) -> old == null || offered.generation() >= old.generation() ? offered : old);
    }
}
