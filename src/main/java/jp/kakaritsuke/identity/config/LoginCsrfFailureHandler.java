package jp.kakaritsuke.identity.config;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A login posted without a valid CSRF token is refused (login CSRF, issue 10). The honest cause is almost always an
 * expired anonymous session (the login page was left open through a laptop's sleep, and anonymous sessions live only
 * minutes): send the person back to a fresh login page that says so, instead of a bare 403. Nobody is logged in
 * either way; every other refusal keeps the default handling.
 */
final class LoginCsrfFailureHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler fallback = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && path.equals("/login")) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        fallback.handle(request, response, denied);
    }
}
