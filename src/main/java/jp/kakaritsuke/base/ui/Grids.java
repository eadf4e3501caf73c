package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import java.util.List;
import java.util.stream.Collectors;
import jp.kakaritsuke.base.InvalidInputException;

/**
 * Short lists show every row; long ones (a prefecture's members, a national list of associations, a 10,000-row
 * import) scroll inside a fixed height, so the browser only renders what is visible.
 */
public final class Grids {

    /** Up to this many rows are shown in full. */
    public static final int ALL_ROWS_UP_TO = 25;

    private Grids() {
    }

    public static void fitRows(Grid<?> grid, int rows) {
        if (rows <= ALL_ROWS_UP_TO) {
            grid.setAllRowsVisible(true);
            grid.setHeight(null);
        } else {
            grid.setAllRowsVisible(false);
            grid.setHeight("36rem");
        }
    }

    /**
     * A paged grid over a filtered list (the audit log, the outbox): {@code check} validates the page's filter as the
     * service will; a refused filter empties the grid and shows its problems in {@code error}, a valid one hides the
     * error and lets the grid fetch the rows it shows.
     */
    public static <T> void fillFiltered(Grid<T> grid, Paragraph error, Runnable check,
                                        CallbackDataProvider.FetchCallback<T, Void> fetch,
                                        CallbackDataProvider.CountCallback<T, Void> count) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            error.setText(e.messageKeys().stream().map(error::getTranslation).collect(Collectors.joining(" ")));
            error.setVisible(true);
            grid.setItems(List.of());
            return;
        }
        error.setVisible(false);
        grid.setItems(fetch, count);
    }
}
