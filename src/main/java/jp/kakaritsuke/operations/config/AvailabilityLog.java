package jp.kakaritsuke.operations.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One log line whenever liveness or readiness changes, so the log says when this node started to accept traffic
 * (after Liquibase and, on the embedded default, the demo seed) — the moment the readiness probe turns UP.
 */
@Component
class AvailabilityLog {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityLog.class);

    @EventListener
    void changed(AvailabilityChangeEvent<?> event) {
        log.info("Availability: {}", event.getState());
    }
}
