package jp.kakaritsuke.peers.service;

import java.util.function.Function;
import jp.kakaritsuke.base.NumberedCopy;
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
 * counted row. Reads in a read-only transaction of its own: called inside a transaction that has just changed
 * {@code peer_member} (and might roll back), it must not load that uncommitted change nor advance past its number.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
class PeerIndex {

    private final PeerMemberRepository members;
    private final PeerTable table = new PeerTable();
    private final NumberedCopy copy = new NumberedCopy();

    PeerIndex(PeerMemberRepository members) {
        this.members = members;
    }

    /** Brings the table up to date, then reads it under the read lock. */
    public <T> T read(Function<PeerTable, T> query) {
        sync();
        return copy.read(() -> query.apply(table));
    }

    /** The change number the index holds everything up to (tests, the bench). */
    public long loaded() {
        return copy.loaded();
    }

    public void sync() {
        copy.catchUp(members.currentChange(), from -> {
            if (from < 0) {
                members.counted(table::apply);
            } else {
                members.changedSince(from, table::apply);
            }
        });
    }
}
