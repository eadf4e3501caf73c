package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The primary rule of one figure and how a figure is printed (no Spring). */
class CellTest {

    @Test
    void aCountOfOneOrTwoIsHiddenAndZeroOrThreeOrMoreShown() {
        assertThat(Cell.of(0, 5)).isEqualTo(Cell.shown(0));
        assertThat(Cell.of(1, 5)).isEqualTo(Cell.hidden());
        assertThat(Cell.of(2, 5)).isEqualTo(Cell.hidden());
        assertThat(Cell.of(3, 5)).isEqualTo(Cell.shown(3));
        assertThat(Cell.of(5, 5)).isEqualTo(Cell.shown(5));
    }

    @Test
    void anyCountOfAGroupOfFewerThanThreeIsHidden() {
        assertThat(Cell.of(0, 2)).isEqualTo(Cell.hidden());
        assertThat(Cell.of(0, 0)).isEqualTo(Cell.hidden());
        assertThat(Cell.of(0, Cell.MIN_FACILITIES)).isEqualTo(Cell.shown(0));
        assertThat(Cell.of(3, Cell.MIN_FACILITIES)).isEqualTo(Cell.shown(3));
    }

    @Test
    void everyHiddenFigureReadsTheSameMarkerInTheUiTheWorkbookAndJson() {
        assertThat(Cell.hidden().display()).isEqualTo(Cell.MARKER).isEqualTo("x");
        assertThat(Cell.hidden().json()).isEqualTo("x");
        assertThat(Cell.hidden().value()).isNull();
        assertThat(Cell.shown(7).display()).isEqualTo("7");
        assertThat(Cell.shown(7).json()).isEqualTo(7);
        assertThat(Cell.shown(0).json()).isEqualTo(0);
    }
}
