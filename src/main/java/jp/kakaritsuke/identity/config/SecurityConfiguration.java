package jp.kakaritsuke.identity.config;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jp.kakaritsuke.identity.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One filter chain: the Vaadin UI behind a form login, the published library API open for reading, every
 * other API call authenticated (HTTP Basic accepted for API clients). Services check authority again with
 * {@code @PreAuthorize}: hiding a button is never the only protection.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // the container's error dispatch only renders the status a request already has; refusing it turned
                // every 404/405/415 sent with sendError into an empty 403
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                // published reference data: no login needed (docs/api.md)
                .requestMatchers(HttpMethod.GET, "/api/v1/roles", "/api/v1/cases", "/api/v1/cases/*", "/api/v1/survey")
                .permitAll()
                .requestMatchers("/api/**").authenticated());
        // API clients use Basic and no session cookie, so CSRF protection is not what protects them.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        http.httpBasic(Customizer.withDefaults());
        // after login without a page asked for: "start" sends each user to their own work (assessment.ui.StartView)
        // Vaadin denies every request that is not one of its routes; a logged-in user's mistyped address
        // (assessment/round/abc) then got an empty 403 instead of the router's Japanese "page not found" with 404.
        // Letting logged-in users through to the router is enough: each view still checks its own access.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).defaultSuccessUrl("/start")
                .anyRequest(any -> any.authenticated()));
        return http.build();
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can be upgraded without a password reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
