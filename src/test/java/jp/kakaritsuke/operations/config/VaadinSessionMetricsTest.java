package jp.kakaritsuke.operations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SessionDestroyEvent;
import com.vaadin.flow.server.SessionDestroyListener;
import com.vaadin.flow.server.SessionInitEvent;
import com.vaadin.flow.server.SessionInitListener;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The gauge follows Vaadin's session init and destroy events (three opened, one closed: two). */
class VaadinSessionMetricsTest {

    @Test
    void countsOpenSessions() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        VaadinSessionMetrics metrics = new VaadinSessionMetrics(registry);
        VaadinService service = mock(VaadinService.class);
        metrics.serviceInit(new ServiceInitEvent(service));
        ArgumentCaptor<SessionInitListener> init = ArgumentCaptor.forClass(SessionInitListener.class);
        ArgumentCaptor<SessionDestroyListener> destroy = ArgumentCaptor.forClass(SessionDestroyListener.class);
        verify(service).addSessionInitListener(init.capture());
        verify(service).addSessionDestroyListener(destroy.capture());

        assertThat(registry.get(VaadinSessionMetrics.NAME).gauge().value()).isZero();
        for (int i = 0; i < 3; i++) {
            init.getValue().sessionInit(new SessionInitEvent(service, mock(VaadinSession.class), mock(VaadinRequest.class)));
        }
        destroy.getValue().sessionDestroy(new SessionDestroyEvent(service, mock(VaadinSession.class)));
        assertThat(registry.get(VaadinSessionMetrics.NAME).gauge().value()).isEqualTo(2);
    }
}
