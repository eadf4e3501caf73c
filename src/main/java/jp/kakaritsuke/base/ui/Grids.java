package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.grid.Grid;

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
}
