package jp.kakaritsuke.associations.domain;

import java.util.List;

/**
 * A round's notices as the association sees them for members that did not consent to be named: per municipality and
 * in total, how many members were told when the round opened, how many had no editor with an address then, how many
 * were reminded and how many could not be reminded for want of an address. Protected like the round's completeness
 * table ({@link CompletenessTable}), as a {@link ProtectedTable}: the same primary rule (1 or 2 facilities, groups below
 * 3) and complements wherever the rows, totals and member counts would give a hidden figure away. Pure.
 */
public final class RoundNoticeTable {

    private RoundNoticeTable() {
    }

    /** The shown figures of one row (or the total). */
    public record Row(Cell notified, Cell notifiedNoAddress, Cell reminded, Cell remindedNoAddress) {
    }

    /**
     * Counts as {@code [members, notified, notified without address, reminded, reminded without address]}; the total
     * is the sum of the rows. Members without an opening notice (they joined later) or without a reminder (submitted
     * in time, or not yet due) are never shown but follow by subtraction; the first the association knows anyway (it
     * added those members after the round opened), the second it must not learn below 3.
     */
    public static ProtectedTable<Row> protect(int[] total, List<int[]> rows) {
        return ProtectedTable.protect(total, rows, Nodes::of);
    }

    private record Nodes(Suppression.Node notified, Suppression.Node notifiedNoAddress, Suppression.Node notNotified,
                         Suppression.Node reminded, Suppression.Node remindedNoAddress, Suppression.Node notReminded)
            implements ProtectedTable.RowNodes<Row> {

        static Nodes of(Suppression table, int[] c) {
            Suppression.Node members = table.known(c[0]); // the association's own member count
            Suppression.Node notified = table.cell(c[1], c[0]);
            Suppression.Node notifiedNoAddress = table.cell(c[2], c[0]);
            // members that joined after the round opened: the association added them itself, so it knows how many
            Suppression.Node notNotified = table.known(c[0] - c[1] - c[2]);
            table.sum(members, List.of(notified, notifiedNoAddress, notNotified));
            Suppression.Node reminded = table.cell(c[3], c[0]);
            Suppression.Node remindedNoAddress = table.cell(c[4], c[0]);
            // submitted before the reminder (or none due yet): never shown, and sensitive when 1 or 2
            Suppression.Node notReminded = table.implicit(c[0] - c[3] - c[4]);
            table.sum(members, List.of(reminded, remindedNoAddress, notReminded));
            return new Nodes(notified, notifiedNoAddress, notNotified, reminded, remindedNoAddress, notReminded);
        }

        @Override
        public List<Suppression.Node> columns() {
            return List.of(notified, notifiedNoAddress, notNotified, reminded, remindedNoAddress, notReminded);
        }

        @Override
        public Row row() {
            return new Row(notified.cell(), notifiedNoAddress.cell(), reminded.cell(), remindedNoAddress.cell());
        }
    }
}
