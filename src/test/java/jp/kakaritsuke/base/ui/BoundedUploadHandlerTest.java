package jp.kakaritsuke.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An upload is read only up to its limit: a 50 MB body is cut off after limit + 1 bytes, not buffered. */
class BoundedUploadHandlerTest {

    static final int LIMIT = 5 * 1024 * 1024;

    /** 50 MB of zeros that are never held anywhere, counting what the reader takes. */
    static final class FiftyMegabytes extends InputStream {
        long remaining = 50L * 1024 * 1024;
        long read;

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            remaining -= n;
            read += n;
            return n;
        }
    }

    List<String> received = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    BoundedUploadHandler handler = new BoundedUploadHandler(LIMIT, "5MBまで", (name, data) -> received.add(name + ":" + data.length),
            refused::add);

    UploadEvent event(long declaredSize, InputStream body) {
        UI ui = mock(UI.class);
        when(ui.access(any())).thenAnswer(call -> {
            ((Command) call.getArgument(0)).execute();
            return null;
        });
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn("members.csv");
        when(event.getFileSize()).thenReturn(declaredSize);
        when(event.getInputStream()).thenReturn(body);
        when(event.getUI()).thenReturn(ui);
        return event;
    }

    @Test
    void anOversizeUploadWithoutADeclaredLengthIsCutOffAtTheLimit() throws IOException {
        FiftyMegabytes body = new FiftyMegabytes();
        UploadEvent event = event(-1, body);
        handler.handleUploadRequest(event);
        assertThat(body.read).isEqualTo(LIMIT + 1L); // the handler stopped reading at the first byte too many
        verify(event).reject("5MBまで");
        assertThat(refused).containsExactly("members.csv");
        assertThat(received).isEmpty();
    }

    @Test
    void aDeclaredOversizeIsRefusedWithoutReadingAByte() throws IOException {
        FiftyMegabytes body = new FiftyMegabytes();
        UploadEvent event = event(50L * 1024 * 1024, body);
        handler.handleUploadRequest(event);
        assertThat(body.read).isZero();
        assertThat(refused).containsExactly("members.csv");
    }

    @Test
    void anUploadUpToTheLimitIsReceivedWhole() throws IOException {
        FiftyMegabytes body = new FiftyMegabytes();
        body.remaining = LIMIT;
        UploadEvent event = event(-1, body);
        handler.handleUploadRequest(event);
        verify(event, never()).reject(any());
        assertThat(received).containsExactly("members.csv:" + LIMIT);
        assertThat(handler.getFileSizeMax()).isEqualTo(LIMIT);
        assertThat(handler.getFileCountMax()).isEqualTo(1);
    }
}
