package jp.kakaritsuke.associations.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The default report year: the January–March season under way, else the one ahead, on the clock's date in Tokyo. */
class ReportReadinessYearTest {

    static int year(String instant) {
        // the clock's own zone must not matter: the season is Japan's
        return new ReportReadinessService(null, null, null, null, null, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
                .currentReportYear();
    }

    @Test
    void januaryToMarchIsThatYearsSeasonAprilOnTheNext() {
        assertThat(year("2026-01-01T00:00:00Z")).isEqualTo(2026);
        assertThat(year("2026-03-31T14:59:59Z")).as("23:59 on 31 March in Tokyo").isEqualTo(2026);
        assertThat(year("2026-03-31T15:00:00Z")).as("00:00 on 1 April in Tokyo").isEqualTo(2027);
        assertThat(year("2026-12-01T00:00:00Z")).isEqualTo(2027);
        assertThat(year("2026-12-31T15:00:00Z")).as("1 January in Tokyo").isEqualTo(2027);
    }
}
