package jp.kakaritsuke.associations.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.associations.domain.MemberState;
import jp.kakaritsuke.associations.domain.MemberStateRepository;
import jp.kakaritsuke.associations.domain.ReportMember;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.NumberedCopy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's copy of associations' read model ({@code member_state}) in memory (docs/design-decisions/0012), exact
 * at every answer: the members of a scope are read from {@code association_facility}, then the latest change number
 * (one primary-key SELECT) and, when any node changed {@code member_state} since this node last looked, just the rows
 * changed since. A national rollup then reads 100,000 member ids and no member rows. The first read loads every row.
 * <p>
 * Reads join the caller's read-only transaction: on MariaDB the member ids, the change number and the changed rows then
 * come from one snapshot, and no second connection is taken. Called inside a transaction that may have written
 * {@code member_state} (not read-only), it loads in a read-only transaction of its own: it must not take in an
 * uncommitted change nor advance past a number a rollback hands out again.
 */
@Component
@Transactional(readOnly = true)
class MemberIndex {

    /** A member_state row as kept: the state the rollups count, and the kind the report-readiness page needs. */
    private record Row(MemberState state, FacilityKind kind) {
    }

    private final MemberStateRepository states;
    private final TransactionTemplate ownTransaction;
    private final Map<Long, Row> rows = new HashMap<>();
    private final NumberedCopy copy = new NumberedCopy();

    MemberIndex(MemberStateRepository states, PlatformTransactionManager transactions) {
        this.states = states;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.setReadOnly(true);
    }

    /**
     * Every member of the associations, each once, by id, as the rollups and a round's completeness count them: the
     * name and latest round only of members that consented to be identified (the only ones listed).
     */
    public List<MemberState> members(Collection<Long> associationIds) {
        long[] ids = states.memberIds(associationIds); // first: the index is then at least as new as the membership
        sync();
        return copy.read(() -> {
            List<MemberState> result = new ArrayList<>(ids.length);
            for (long id : ids) {
                Row row = rows.get(id);
                if (row != null) { // every facility has its row from its creation; none: deleted meanwhile
                    result.add(row.state());
                }
            }
            return result;
        });
    }

    /** Every member of the associations, each once, by id, as the report-readiness page counts them. */
    public List<ReportMember> reportMembers(Collection<Long> associationIds) {
        long[] ids = states.memberIds(associationIds);
        sync();
        return copy.read(() -> {
            List<ReportMember> result = new ArrayList<>(ids.length);
            for (long id : ids) {
                Row row = rows.get(id);
                if (row != null) {
                    MemberState m = row.state();
                    result.add(new ReportMember(m.facilityId(), m.name(), m.municipality(), m.consent(),
                            row.kind() == FacilityKind.ASSOCIATION));
                }
            }
            return result;
        });
    }

    /** The change number the index holds everything up to (tests, the bench). */
    public long loaded() {
        return copy.loaded();
    }

    /** Brings the map up to the latest committed change. */
    public void sync() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            ownTransaction.executeWithoutResult(status -> load());
        } else {
            load();
        }
    }

    private void load() {
        copy.catchUp(states.currentChange(), from -> {
            MemberStateRepository.RowSink put = (state, kind, change) -> rows.put(state.facilityId(), new Row(state, kind));
            if (from < 0) {
                states.all(put);
            } else {
                states.changedSince(from, put);
            }
        });
    }
}
