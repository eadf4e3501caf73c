package jp.kakaritsuke.base;

import java.time.ZoneId;

/**
 * Japan's time zone, named once. It is the zone of the {@code Clock} bean (so of every time shown to people: format
 * with {@link TimeFormat#in}, never with a zone of your own) and of the scheduler's cron expressions. Use {@link #ZONE}
 * directly only for a rule that is Japan's whatever clock a test injects: the かかりつけ医機能報告's January–March season.
 */
public final class Japan {

    /** For annotations, e.g. {@code @Scheduled(zone = Japan.ZONE_ID)}. */
    public static final String ZONE_ID = "Asia/Tokyo";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private Japan() {
    }
}
