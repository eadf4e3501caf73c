package jp.kakaritsuke.associations.domain;

/**
 * One aggregate number, shown or hidden. A count is hidden when it is built from 1 or 2 facilities or its group has
 * fewer than 3 (it could point at an identifiable member), and so is any figure that would let a reader work such a
 * count out from the totals beside it ({@link Suppression}). Every hidden figure reads the same, 「x」: a marker that
 * said "1 or 2" for some and "hidden to protect" for others would tell the reader which is which.
 */
public record Cell(Integer value, boolean suppressed) {

    public static final int MIN_FACILITIES = 3;

    /** How a hidden figure is printed in the UI, the workbook and the JSON API. */
    public static final String MARKER = "x";

    /** A count on its own (nothing shown adds it up with others): hidden by the primary rule only. */
    public static Cell of(int count, int groupSize) {
        boolean suppress = groupSize < MIN_FACILITIES || (count > 0 && count < MIN_FACILITIES);
        return suppress ? hidden() : shown(count);
    }

    public static Cell shown(int count) {
        return new Cell(count, false);
    }

    public static Cell hidden() {
        return new Cell(null, true);
    }

    /** In JSON a plain number, or the string 「x」 when hidden. */
    @com.fasterxml.jackson.annotation.JsonValue
    public Object json() {
        return suppressed ? MARKER : value;
    }

    /** 「x」 or the number, as printed in the UI and the workbook. */
    public String display() {
        return suppressed ? MARKER : String.valueOf(value);
    }
}
