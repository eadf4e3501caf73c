package jp.kakaritsuke.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything parses it (a 60 MB JSON body cost about 250 MB of heap in Jackson):
 * a declared {@code Content-Length} over the limit is answered 413 with {@code application/problem+json} without
 * reading the body; a body without a length (chunked) is counted while it is read and fails with
 * {@link RequestBodyTooLargeException} at the first byte past the limit, which the API answers with 413 too
 * ({@code ApiExceptionHandler}). Limits (docs/security.md): {@code /api/**} 1 MB (a recommendation request is under
 * 1 KB), everything else 6 MB (Vaadin's own requests are small; the member import takes 5 MB files).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long apiLimit;
    private final long otherLimit;

    public RequestSizeLimitFilter(@Value("${app.limits.api-body-bytes:1048576}") long apiLimit,
                                  @Value("${app.limits.request-body-bytes:6291456}") long otherLimit) {
        this.apiLimit = apiLimit;
        this.otherLimit = otherLimit;
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") ? apiLimit : otherLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            chain.doFilter(request, response); // no body; WebSocket upgrades (Vaadin push) stay unwrapped
            return;
        }
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the rest of the body is not read: tell the client this connection ends here
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"request body larger than " + limit + " bytes\",\"limit\":" + limit + "}");
    }

    /** Thrown while reading a body that turned out longer than its limit. */
    public static final class RequestBodyTooLargeException extends IOException {
        private final long limit;

        RequestBodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
