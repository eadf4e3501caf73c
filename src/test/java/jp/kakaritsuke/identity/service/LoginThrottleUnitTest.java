package jp.kakaritsuke.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory parts of LoginThrottle: bounded, windowed, keyed per /64 for IPv6, log text sanitised. */
class LoginThrottleUnitTest {

    final Instant t0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theAddressCountersStayWithinTheirCapacity() {
        LoginThrottle.BoundedCounters counters = new LoginThrottle.BoundedCounters(1_000);
        for (int i = 0; i < 100_000; i++) {
            counters.count("addr-" + i, t0, Duration.ofMinutes(15));
        }
        assertThat(counters.size()).isEqualTo(1_000);
        // the most recent stay, the oldest went
        assertThat(counters.blocked("addr-99999", t0, 1)).isTrue();
        assertThat(counters.blocked("addr-0", t0, 1)).isFalse();
    }

    @Test
    void anAddressIsBlockedUntilItsWindowEnds() {
        LoginThrottle.BoundedCounters counters = new LoginThrottle.BoundedCounters(10);
        Duration window = Duration.ofMinutes(15);
        for (int i = 0; i < 20; i++) {
            assertThat(counters.blocked("a", t0.plusSeconds(i), 20)).isFalse();
            counters.count("a", t0.plusSeconds(i), window);
        }
        assertThat(counters.blocked("a", t0.plusSeconds(60), 20)).isTrue();
        assertThat(counters.blocked("a", t0.plus(window).minusSeconds(1), 20)).isTrue();
        assertThat(counters.blocked("a", t0.plus(window), 20)).isFalse();
        counters.count("a", t0.plus(window), window); // a new window starts from one
        assertThat(counters.blocked("a", t0.plus(window), 20)).isFalse();
    }

    @Test
    void addressKeys() {
        assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.addressKey("2001:db8:1:2::ffff"));
        assertThat(LoginThrottle.addressKey("2001:db8:1:2::1")).isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressKey("not an address " + "x".repeat(500))).hasSize(64);
    }

    @Test
    void logTextHasNoLineBreaksAndIsBounded() {
        assertThat(LoginThrottle.sanitize("a\r\nb\u202Ec")).isEqualTo("a??b?c");
        assertThat(LoginThrottle.sanitize("x".repeat(1000))).hasSize(101);
        assertThat(LoginThrottle.sanitize(null)).isEmpty();
    }
}
