package jp.kakaritsuke.associations.domain;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A table whose rows (municipalities) add up to its total row, column by column, protected as one by
 * {@link Suppression}: what the completeness and the notice tables of a round share. Each table says how one row's
 * counts become figures ({@link RowNodes}); the total row and every row are built the same way. Pure.
 *
 * @param total the total row as shown
 * @param rows  the rows as shown, in the order of the counts given
 */
public record ProtectedTable<R>(R total, List<R> rows) {

    /** One row's figures: those that add up across the rows (the same columns in every row), and the shown row. */
    public interface RowNodes<R> {

        List<Suppression.Node> columns();

        R row();
    }

    /** Counts per row as the table defines them; the total is the sum of the rows. */
    public static <R> ProtectedTable<R> protect(int[] total, List<int[]> rows,
                                                BiFunction<Suppression, int[], ? extends RowNodes<R>> nodes) {
        Suppression table = new Suppression();
        RowNodes<R> all = nodes.apply(table, total);
        List<RowNodes<R>> parts = rows.stream().<RowNodes<R>>map(c -> nodes.apply(table, c)).toList();
        if (!parts.isEmpty()) {
            for (int column = 0; column < all.columns().size(); column++) {
                int k = column;
                table.sum(all.columns().get(k), parts.stream().map(p -> p.columns().get(k)).toList());
            }
        }
        table.protect();
        return new ProtectedTable<>(all.row(), parts.stream().map(RowNodes::row).toList());
    }
}
