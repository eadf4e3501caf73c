package jp.kakaritsuke.identity.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request whose browser-sent {@code Origin} is not this site: a second lock beside the
 * CSRF token (login form, Vaadin's own requests, the API), because browsers always send Origin on such requests
 * and a page cannot forge it. Requests without Origin (API clients, old browsers) are left to the other checks.
 * Behind a proxy the scheme comes from the trusted proxy's X-Forwarded-Proto (RemoteIpValve), the host from Host.
 */
class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod()) && !sameOrigin(origin, request)) {
            // a plain 403 (no error dispatch: /error would send an anonymous caller to the login page)
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Cross-origin request refused");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false; // "null" (sandboxed frames, file:) and garbage are never us
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(scheme, uri.getPort()) == port(request.getScheme().toLowerCase(Locale.ROOT), request.getServerPort());
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equals(scheme) ? 443 : 80;
    }
}
