package jp.kakaritsuke.identity.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import jp.kakaritsuke.identity.domain.SessionState;
import jp.kakaritsuke.identity.service.AccountPrincipal;
import jp.kakaritsuke.identity.service.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a logged-in session when its account changed underneath it: disabled, its password reset by force, or a new
 * password set elsewhere. The account's {@code session_stamp} is raised in the database by each of these; every
 * request of a password session compares it (one indexed SELECT) with the stamp the session started with
 * ({@link SessionStamps}). A stale session is invalidated and the request goes on as anonymous: a page is sent to
 * the login, a Vaadin request finds its session expired and reloads into the login. Several nodes: the stamp is in
 * the database, so a change on one node ends the sessions on all of them at their next request; nothing is kept in
 * memory. API tokens are not sessions (a disabled account's tokens are refused by {@link ApiTokenAuthenticationFilter}).
 */
class SessionStampFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStampFilter.class);

    private final UserAccountService users;

    SessionStampFilter(UserAccountService users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the bundle's static files: no session state to protect, and a page load asks for many
        return request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/build/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        Authentication auth = session == null ? null : contexts.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AccountPrincipal principal) {
            SessionStamps.Stamp started = session.getAttribute(SessionStamps.ATTRIBUTE) instanceof SessionStamps.Stamp s
                    && s.username().equals(principal.getUsername()) ? s : null;
            if (started == null) {
                started = new SessionStamps.Stamp(principal.getUsername(), principal.sessionStamp());
                session.setAttribute(SessionStamps.ATTRIBUTE, started);
            }
            Optional<SessionState> now = users.sessionState(principal.getUsername());
            if (now.isEmpty() || !now.get().enabled() || now.get().stamp() != started.stamp()) {
                log.info("Session of '{}' ended: the account was disabled or its password changed", principal.getUsername());
                contexts.clearContext();
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // another request of the same session got here first
                }
            }
        }
        chain.doFilter(request, response);
    }
}
