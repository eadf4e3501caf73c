package jp.kakaritsuke.identity.config;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** Real HTTP requests to the test server (no redirects followed, cookies by hand) and a look at Tomcat's sessions. */
final class HttpProbe {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    String sessionId;

    HttpProbe(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (headers.length > 0) {
            builder.headers(headers);
        }
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher m = SESSION_COOKIE.matcher(cookie);
            if (m.find()) {
                sessionId = m.group(1);
            }
        });
        return response;
    }

    /** The CSRF token Vaadin's bootstrap page puts into its meta tags (what the LoginForm posts). */
    static String csrfToken(HttpResponse<String> page) {
        Matcher m = CSRF_META.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no _csrf meta tag in the page");
        }
        return m.group(1);
    }

    static Context tomcatContext(ServletWebServerApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        return (Context) server.getTomcat().getHost().findChildren()[0];
    }

    static Session session(ServletWebServerApplicationContext context, String id) throws IOException {
        return tomcatContext(context).getManager().findSession(id);
    }

    /**
     * Records the client address the application sees for /login (what the audit log and login throttling use):
     * a valve in the running web application, after the proxy handling (Tomcat's RemoteIpValve sits on the engine),
     * added for the length of a test so that the test needs no Spring context of its own. Close it to remove it.
     */
    static RemoteAddresses recordRemoteAddresses(ServletWebServerApplicationContext context) {
        RemoteAddresses recorder = new RemoteAddresses(tomcatContext(context));
        recorder.webapp.getPipeline().addValve(recorder);
        return recorder;
    }

    static final class RemoteAddresses extends ValveBase implements AutoCloseable {

        private final Context webapp;
        private final AtomicReference<String> last = new AtomicReference<>();

        private RemoteAddresses(Context webapp) {
            super(true);
            this.webapp = webapp;
        }

        String last() {
            return last.get();
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
            if ("/login".equals(request.getRequestURI())) {
                last.set(request.getRemoteAddr());
            }
            getNext().invoke(request, response);
        }

        @Override
        public void close() {
            webapp.getPipeline().removeValve(this);
        }
    }
}
