package jp.kakaritsuke.identity.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live long only once someone has logged in. Every visit to /login needs a session (Vaadin keeps the
 * page's UI in it, Spring Security the CSRF token), so anonymous hits used to leave a 30-minute session each.
 * A new session now gets {@code app.session.anonymous-timeout}; the first request after login raises it to
 * {@code server.servlet.session.timeout}. An open login page is not cut off: Vaadin's heartbeat
 * ({@code vaadin.heartbeatInterval}, shorter than the anonymous timeout) keeps its session alive.
 * Session fixation protection is unchanged: Spring Security changes the session id at login.
 */
@Configuration
class SessionLifetime {

    @Bean
    HttpSessionListener shortLifeForNewSessions(@Value("${app.session.anonymous-timeout}") Duration anonymousTimeout) {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval((int) anonymousTimeout.toSeconds());
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> fullLifeAfterLogin(
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        int seconds = (int) sessionTimeout.toSeconds();
        // registered after Spring Security's chain, so the security context of the request is known
        return new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                HttpSession session = request.getSession(false);
                if (session != null && session.getMaxInactiveInterval() != seconds && user != null
                        && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                    session.setMaxInactiveInterval(seconds);
                }
                chain.doFilter(request, response);
            }
        });
    }
}
