package jp.kakaritsuke.identity.config;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.kakaritsuke.identity.service.ApiTokenService;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * One filter chain: the Vaadin UI behind a form login, the published library API open for reading, every
 * other API call authenticated with a personal API token ({@code Authorization: Bearer}, no session; HTTP Basic is
 * not accepted: it ran a password hash on every request). Password logins go through {@link LoginThrottle} before
 * any hash is computed. Services check authority again with {@code @PreAuthorize}: hiding a button is never the only
 * protection.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService apiTokens, RequestUtil vaadinRequests,
            ContentSecurityPolicy contentSecurityPolicy, VaadinDefaultRequestCache vaadinRequestCache,
            UserAccountService users) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // the container's error dispatch only renders the status a request already has; refusing it turned
                // every 404/405/415 sent with sendError into an empty 403
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                // published reference data: no login needed (docs/api.md)
                .requestMatchers(HttpMethod.GET, "/api/v1/roles", "/api/v1/cases", "/api/v1/cases/*", "/api/v1/survey")
                .permitAll()
                // the OpenAPI description of the API (springdoc, docs/api.md): public like the documentation it is
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/api/**").authenticated());
        // API clients send a token header and no session cookie, so CSRF protection is not what protects them.
        // Vaadin's own requests carry Vaadin's CSRF token. Unlike VaadinSecurityConfigurer's default (switched off
        // below), POST /login is NOT exempt: the LoginForm sends the token from the page's _csrf meta tags (issue 10).
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**")
                .ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new SameOriginFilter(), CsrfFilter.class);
        http.addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens), AnonymousAuthenticationFilter.class);
        // a session whose account was disabled, reset by force or given a new password elsewhere ends here (issue 13)
        http.addFilterBefore(new SessionStampFilter(users), AnonymousAuthenticationFilter.class);
        // an API call without credentials gets a 401 problem (not the login page) and no Basic challenge; the request
        // is not saved for after a login (that would create a session per anonymous API call)
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        vaadinRequestCache.ignoreRequests(api);
        http.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new ApiAuthenticationEntryPoint(), api)
                .accessDeniedHandler(new LoginCsrfFailureHandler()));
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
        // after login without a page asked for: "start" sends each user to their own work (assessment.ui.StartView)
        // Vaadin denies every request that is not one of its routes; a logged-in user's mistyped address
        // (assessment/round/abc) then got an empty 403 instead of the router's Japanese "page not found".
        // Letting logged-in users through to the router is enough: each view still checks its own access.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).defaultSuccessUrl("/start")
                .enableCsrfConfiguration(false).anyRequest(any -> any.authenticated()));
        return http.build();
    }

    /** The password login, throttled; the only AuthenticationProvider, so Spring Security uses it for the form login. */
    @Bean
    AuthenticationProvider throttledAuthenticationProvider(UserDetailsService userDetailsService, PasswordEncoder passwordEncoder,
                                                           LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /**
     * bcrypt by default, with the {id} prefix so the algorithm can be upgraded without a password reset. bcrypt reads
     * only 72 bytes (Spring refuses longer input), and a 64-character passphrase in Japanese is up to 192 bytes in UTF-8:
     * such passwords are hashed with PBKDF2-HMAC-SHA256 (310,000 iterations) instead. Both verify any stored hash.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new LengthAwarePasswordEncoder();
    }

    /** bcrypt up to its 72 bytes, PBKDF2 beyond; either verifies any stored hash by its {id} prefix. */
    static class LengthAwarePasswordEncoder implements PasswordEncoder {

        private static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";
        private final PasswordEncoder bcryptFirst = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private final PasswordEncoder pbkdf2First = new DelegatingPasswordEncoder(PBKDF2,
                Map.of(PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));

        @Override
        public String encode(CharSequence raw) {
            return raw.toString().getBytes(StandardCharsets.UTF_8).length > 72 ? pbkdf2First.encode(raw) : bcryptFirst.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return bcryptFirst.matches(raw, encoded);
        }
    }
}
