package jp.kakaritsuke.identity.config;

import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.PasswordPolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password login: asks {@link LoginThrottle} first (account locked? address blocked?) and only then lets the
 * database user and the password hash be checked; records the outcome. Passwords are compared NFKC-normalised, as
 * {@link PasswordPolicy} stores them.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        throttle.check(username, address);
        String raw = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String normalized = PasswordPolicy.normalize(raw);
        try {
            Authentication result;
            try {
                result = passwords.authenticate(withPassword(authentication, normalized));
            } catch (BadCredentialsException e) {
                if (normalized.equals(raw)) {
                    throw e;
                }
                // set before passwords were normalised, with full-width characters: rare, so the second hash is acceptable
                result = passwords.authenticate(withPassword(authentication, raw));
            }
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    private static Authentication withPassword(Authentication authentication, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(authentication.getName(), password);
        token.setDetails(authentication.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
