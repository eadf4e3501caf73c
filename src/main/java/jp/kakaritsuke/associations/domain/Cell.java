package jp.kakaritsuke.associations.domain;

/**
 * One aggregate number. It is suppressed (shown as 「<3」) when it is built from 1 or 2 facilities, or when the group it
 * belongs to has fewer than 3 facilities: then it could point at an identifiable member.
 */
public record Cell(Integer value, boolean suppressed) {

    public static final int MIN_FACILITIES = 3;

    public static Cell of(int count, int groupSize) {
        boolean suppress = groupSize < MIN_FACILITIES || (count > 0 && count < MIN_FACILITIES);
        return suppress ? new Cell(null, true) : new Cell(count, false);
    }

    /** In JSON a plain number, or the string 「<3」 when suppressed. */
    @com.fasterxml.jackson.annotation.JsonValue
    public Object json() {
        return suppressed ? display() : value;
    }

    /** 「<3」 or the number, as printed in the UI and the workbook. */
    public String display() {
        return suppressed ? "<" + MIN_FACILITIES : String.valueOf(value);
    }
}
