package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An upload that is read into memory only up to a limit: the bytes are counted while they stream in, and the first
 * byte past {@code maxBytes} ends the reading and rejects the file. ({@code UploadHandler.inMemory} buffers the whole
 * request first: a 50 MB upload cost 50 MB before the 「5MBまで」 answer.) A declared size over the limit is refused
 * before anything is read. The servlet-level caps (multipart, {@code RequestSizeLimitFilter}) stop even earlier.
 */
public final class BoundedUploadHandler implements UploadHandler {

    private final long maxBytes;
    private final String rejection;
    private final BiConsumer<String, byte[]> received;
    private final Consumer<String> tooLarge;

    /**
     * @param rejection what the upload component shows for a file cut off at the limit (translated)
     * @param received called in the UI's lock with the file name and its content
     * @param tooLarge called in the UI's lock with the file name when the file was cut off at the limit
     */
    public BoundedUploadHandler(long maxBytes, String rejection, BiConsumer<String, byte[]> received,
                                Consumer<String> tooLarge) {
        this.maxBytes = maxBytes;
        this.rejection = rejection;
        this.received = received;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        byte[] data = event.getFileSize() > maxBytes ? null : readAtMost(event.getInputStream(), maxBytes);
        UI ui = event.getUI();
        if (data == null) {
            event.reject(rejection);
            ui.access(() -> tooLarge.accept(name));
        } else {
            ui.access(() -> received.accept(name, data));
        }
    }

    /** The stream's content, or {@code null} as soon as it turns out longer than {@code max}: reads at most max + 1 bytes. */
    public static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        while (true) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - total));
            if (n < 0) {
                return out.toByteArray();
            }
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    /** A multipart request is the file plus a few hundred bytes of headers. */
    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
