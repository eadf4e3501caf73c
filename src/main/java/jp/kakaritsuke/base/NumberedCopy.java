package jp.kakaritsuke.base;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The bookkeeping of a node's in-memory copy of a read model whose writes are numbered by a counter row, taken under
 * that row's lock so that numbers follow commit order (peers' {@code peer_member}, associations' {@code member_state};
 * docs/design-decisions/0012): up to which number the copy holds everything, and a read-write lock so that a reader
 * never sees a load half done. The owner reads the latest committed number and hands over how to load.
 */
public final class NumberedCopy {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The change number the copy holds everything up to; -1 before the first load. */
    private volatile long loaded = -1;

    /**
     * Brings the copy up to {@code current}, the latest committed change number as the caller's transaction sees it:
     * nothing when it holds that already; otherwise {@code load} gets the number it holds (-1: nothing yet, load
     * every row) and loads the rows changed after it, under the write lock.
     */
    public void catchUp(long current, LongConsumer load) {
        if (current <= loaded) {
            return;
        }
        lock.writeLock().lock();
        try {
            long from = loaded;
            if (current <= from) {
                return; // another thread loaded it meanwhile
            }
            load.accept(from);
            loaded = current;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads the copy under the read lock. */
    public <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The change number the copy holds everything up to; -1 before the first load. */
    public long loaded() {
        return loaded;
    }
}
