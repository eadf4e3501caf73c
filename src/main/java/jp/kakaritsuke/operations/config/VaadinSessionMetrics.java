package jp.kakaritsuke.operations.config;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * {@code kkf.vaadin.sessions}: the Vaadin sessions open on this node (every browser that loaded a page, signed in or
 * not, until its HTTP session ends). Vaadin keeps each one's UI state in this node's memory, which is why the load
 * balancer keeps a browser on its node (docs/operations.md).
 */
@Component
class VaadinSessionMetrics implements VaadinServiceInitListener {

    static final String NAME = "kkf.vaadin.sessions";

    private final AtomicInteger open = new AtomicInteger();

    VaadinSessionMetrics(MeterRegistry registry) {
        Gauge.builder(NAME, open, AtomicInteger::get)
                .description("Vaadin sessions open on this node (UI state held in its memory)")
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> open.incrementAndGet());
        event.getSource().addSessionDestroyListener(e -> open.decrementAndGet());
    }
}
