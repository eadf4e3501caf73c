package jp.kakaritsuke.base;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How times are written for people (pages, mails, workbooks, file names), always in the {@code Clock} bean's zone:
 * {@code TimeFormat.MINUTE.in(clock).format(instant)}. Locale-dependent wordings (「12月1日」) stay in the translations.
 */
public enum TimeFormat {

    /** 2026-12-01 */
    DAY("yyyy-MM-dd"),
    /** 2026-12-01 10:00 */
    MINUTE("yyyy-MM-dd HH:mm"),
    /** 2026-12-01 10:00:00 */
    SECOND("yyyy-MM-dd HH:mm:ss"),
    /** 10:00 */
    TIME("HH:mm"),
    /** 10:00:00 (a save on the page a moment ago) */
    TIME_SECONDS("HH:mm:ss"),
    /** 20261201 (in file names) */
    FILE_DAY("yyyyMMdd");

    private final DateTimeFormatter formatter;

    TimeFormat(String pattern) {
        this.formatter = DateTimeFormatter.ofPattern(pattern);
    }

    /** This format in the clock's zone, for instants. */
    public DateTimeFormatter in(Clock clock) {
        return in(clock.getZone());
    }

    /** This format in a zone taken from the clock (e.g. of a time read from it earlier). */
    public DateTimeFormatter in(ZoneId zone) {
        return formatter.withZone(zone);
    }
}
