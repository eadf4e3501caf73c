package jp.kakaritsuke.identity.config;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jp.kakaritsuke.identity.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            ContentSecurityPolicy contentSecurityPolicy) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // published reference data: no login needed (docs/api.md)
                .requestMatchers(HttpMethod.GET, "/api/v1/roles", "/api/v1/cases", "/api/v1/cases/*", "/api/v1/survey")
                .permitAll()
                .requestMatchers("/api/**").authenticated());
        // API clients use Basic and no session cookie, so CSRF protection is not what protects them.
        // Vaadin's own requests carry Vaadin's CSRF token. Unlike VaadinSecurityConfigurer's default (switched off
        // below), POST /login is NOT exempt: the LoginForm sends the token from the page's _csrf meta tags (issue 10).
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**")
                .ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new SameOriginFilter(), CsrfFilter.class);
        // CSP with a per-request nonce (ContentSecurityPolicy); nosniff and frame DENY are Spring's defaults.
        // Written eagerly: Vaadin's pages are forwarded to its servlet, and a forward commits the response
        // behind the back of the lazy header writer, so pages used to go out without any of these headers.
        http.headers(headers -> headers.addHeaderWriter(contentSecurityPolicy)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.httpBasic(Customizer.withDefaults());
        // after login without a page asked for: "start" sends each user to their own work (assessment.ui.StartView)
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .defaultSuccessUrl("/start").enableCsrfConfiguration(false));
        return http.build();
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can be upgraded without a password reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
