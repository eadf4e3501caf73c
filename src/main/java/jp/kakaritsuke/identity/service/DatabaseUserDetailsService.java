package jp.kakaritsuke.identity.service;

import java.util.List;
import jp.kakaritsuke.identity.domain.AppUser;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users come from the database; the system role becomes {@code ROLE_ADMIN} / {@code ROLE_USER}; the principal carries
 * the account's session stamp ({@link AccountPrincipal}).
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DatabaseUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(AppUser.normalizeUsername(username)).orElseThrow(() -> new UsernameNotFoundException(username));
        return new AccountPrincipal(user.getUsername(), user.getPasswordHash(), user.isEnabled(),
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getSystemRole().name())), user.getSessionStamp());
    }
}
