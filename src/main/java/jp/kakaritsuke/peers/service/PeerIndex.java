package jp.kakaritsuke.peers.service;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import jp.kakaritsuke.peers.domain.PeerMemberRepository;
import jp.kakaritsuke.peers.domain.PeerTable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node's in-memory index of the facilities that count in peer statistics (docs/peers.md, "Speed"), exact at
 * every answer: before each read it reads the latest change number (one primary-key SELECT) and, when another
 * transaction — on this node or any other — changed {@code peer_member} since, loads just the rows changed after the
 * number it had. Changes take their numbers under the counter row's lock, in commit order, so nothing committed is
 * missed; a consent withdrawn on one node is absent from the next answer on every node. The first read loads every
 * counted row. Runs in the calling service's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PeerIndex {

    private final PeerMemberRepository members;
    private final PeerTable table = new PeerTable();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The change number the table holds everything up to; -1 before the first load. */
    private volatile long loaded = -1;

    PeerIndex(PeerMemberRepository members) {
        this.members = members;
    }

    /** Brings the table up to date, then reads it under the read lock. */
    public <T> T read(Function<PeerTable, T> query) {
        sync();
        lock.readLock().lock();
        try {
            return query.apply(table);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The change number the index holds everything up to (tests, the bench). */
    public long loaded() {
        return loaded;
    }

    public void sync() {
        long current = members.currentChange();
        if (current <= loaded) {
            return;
        }
        lock.writeLock().lock();
        try {
            long from = loaded;
            if (current <= from) {
                return; // another thread loaded it meanwhile
            }
            if (from < 0) {
                members.counted(table::apply);
            } else {
                members.changedSince(from, table::apply);
            }
            loaded = current;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
