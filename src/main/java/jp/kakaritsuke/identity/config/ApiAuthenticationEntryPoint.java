package jp.kakaritsuke.identity.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * An API call without credentials: 401 as problem+json like every other API error (docs/api.md), with the
 * {@code WWW-Authenticate: Bearer} challenge that says what to send. No login page, no Basic challenge, no session.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"This call needs a personal API token: Authorization: Bearer <token> (docs/api.md).\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
