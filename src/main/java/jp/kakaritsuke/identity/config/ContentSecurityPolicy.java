package jp.kakaritsuke.identity.config;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every answer (pages, API, static files), with a fresh nonce per request.
 * <p>
 * Vaadin Flow's bootstrap page carries inline scripts whose text changes per request (the initial UI state, the
 * CSRF meta script), so a hash cannot allow them and {@code 'unsafe-inline'} would allow any injected script: the
 * page listener below gives each of them the request's nonce instead, and Flow's client copies the nonce onto the
 * scripts it adds later ({@code window.Vaadin.Flow.nonce}).
 * <p>
 * {@code 'unsafe-eval'} stays: Flow's client turns every {@code executeJs}/event expression the server sends into
 * a {@code new Function(...)} (flow-client NativeFunction); without it Chromium refuses FlowClient.js's eval and
 * not even the login form renders (tried). The expressions come
 * from our server code, never from user input. Styles: see {@link #STYLE_SRC}.
 * Proven in Chromium by the browser tests ({@code Browser.assertNoCspViolations}).
 */
@Component
class ContentSecurityPolicy implements VaadinServiceInitListener, HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    private static final String NONCE_ATTRIBUTE = ContentSecurityPolicy.class.getName() + ".nonce";

    /**
     * Vaadin's web components (Lit) add {@code <style>} elements and {@code style} attributes from their templates at
     * run time, without a nonce: with a nonce here Chromium refused them all (indexhtml.js, generated-flow-imports.js,
     * FlowClient.js; the radar chart then never drew). A nonce would also switch off {@code 'unsafe-inline'}, so
     * styles get {@code 'unsafe-inline'} alone. CSS cannot run script; what it could fetch is held to our origin by
     * {@code default-src 'self'}.
     */
    private static final String STYLE_SRC = "style-src 'self' 'unsafe-inline'";

    private static final SecureRandom RANDOM = new SecureRandom();

    static String policy(String nonce) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'",
                STYLE_SRC,
                // Lumo inlines its icon font and some icons (an SVG chevron) as data: URLs; Chromium refused them
                "img-src 'self' data:",
                "font-src 'self' data:",
                // UIDL requests, heartbeats and the unload beacon go to our own origin
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** One nonce per request, made by whichever comes first: the page listener or the header writer. */
    private static String nonce(Function<String, Object> attribute, BiConsumer<String, Object> setAttribute) {
        Object nonce = attribute.apply(NONCE_ATTRIBUTE);
        if (nonce == null) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            nonce = Base64.getEncoder().encodeToString(bytes);
            setAttribute.accept(NONCE_ATTRIBUTE, nonce);
        }
        return (String) nonce;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            VaadinRequest request = page.getVaadinRequest();
            String nonce = nonce(request::getAttribute, request::setAttribute);
            page.getDocument().getElementsByTag("script").attr("nonce", nonce);
        });
    }

    /**
     * Called by Spring Security's header filter when the response is committed, that is after the page listener
     * (the same request attribute then carries the page's nonce into the header).
     */
    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HEADER, policy(nonce(request::getAttribute, request::setAttribute)));
    }
}
