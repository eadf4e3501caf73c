package jp.kakaritsuke.associations.domain;

import java.util.List;

/**
 * A round's completeness table: members by status (submitted, in progress, not started, and among those not started
 * the ones nobody has joined yet) per municipality, with the totals — protected as one table by {@link Suppression},
 * since the rows add up to the totals and the statuses to the members (which the association knows); a
 * {@link ProtectedTable}. Pure.
 */
public final class CompletenessTable {

    private CompletenessTable() {
    }

    public record Row(Rollup.Completeness completeness, Cell notRegistered) {
    }

    /** Counts as {@code [members, submitted, in progress, not registered]}; the total is the sum of the rows. */
    public static ProtectedTable<Row> protect(int[] total, List<int[]> rows) {
        return ProtectedTable.protect(total, rows, Nodes::of);
    }

    private record Nodes(Suppression.Node submitted, Suppression.Node inProgress, Suppression.Node notStarted,
                         Suppression.Node notRegistered, Suppression.Node registered)
            implements ProtectedTable.RowNodes<Row> {

        static Nodes of(Suppression table, int[] c) {
            Suppression.Node members = table.known(c[0]); // the association's own member count
            Suppression.Node submitted = table.cell(c[1], c[0]);
            Suppression.Node inProgress = table.cell(c[2], c[0]);
            int notStarted = c[0] - c[1] - c[2];
            Suppression.Node notStartedNode = table.cell(notStarted, c[0]);
            Suppression.Node notRegistered = table.cell(c[3], c[0]);
            table.sum(members, List.of(submitted, inProgress, notStartedNode));
            // those not registered are among those not started; the others are never shown but follow
            Suppression.Node registered = table.implicit(notStarted - c[3]);
            table.sum(notStartedNode, List.of(notRegistered, registered));
            return new Nodes(submitted, inProgress, notStartedNode, notRegistered, registered);
        }

        @Override
        public List<Suppression.Node> columns() {
            return List.of(submitted, inProgress, notStarted, notRegistered, registered);
        }

        @Override
        public Row row() {
            return new Row(new Rollup.Completeness(notStarted.cell(), inProgress.cell(), submitted.cell()), notRegistered.cell());
        }
    }
}
