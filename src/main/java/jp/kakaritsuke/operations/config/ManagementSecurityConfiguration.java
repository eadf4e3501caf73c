package jp.kakaritsuke.operations.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The management port (docs/operations.md). Actuator runs on its own server ({@code management.server.port}, bound
 * to {@code management.server.address}, 127.0.0.1 unless an operator says otherwise), and Spring Boot passes that
 * server's requests through the application's Spring Security filter as well. This chain takes every request that
 * reached the management server, and only those: the exposed endpoints (health with its liveness and readiness
 * groups, info, prometheus) answer without a login, no session, no CSRF token (all are read-only GETs); anything
 * else there is refused. Protection is the address the port is bound to, as for a database port: whoever can reach
 * it may read health and metrics, which carry neither personal data nor secrets.
 *
 * <p>The application's port is untouched: requests there never match this chain, so {@code /actuator/**} on it is an
 * ordinary unknown address of the application's own chain ({@code identity.config.SecurityConfiguration}). To keep
 * it so, the application refuses to start with Actuator on the application's port.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    static final String MANAGEMENT_NAMESPACE = "management";

    ManagementSecurityConfiguration(Environment environment) {
        if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
            throw new IllegalStateException("management.server.port must differ from server.port (or be -1 to switch the "
                    + "management server off): health and metrics are never served on the application's port");
        }
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the application's chain, which would otherwise take every request
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(onManagementServer())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** True for requests served by the management server's own web server (its child context's namespace). */
    static RequestMatcher onManagementServer() {
        return (HttpServletRequest request) -> {
            WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
            return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT_NAMESPACE);
        };
    }
}
