package jp.kakaritsuke.identity.service;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Who logged in with a password, with the account's session stamp read in the same query as the password hash: a
 * password change, a forced reset or disabling the account raises the stamp, and every session that started before
 * then ends at its next request (identity.config.SessionStampFilter), on whichever node it lives.
 */
public class AccountPrincipal extends User {

    private static final long serialVersionUID = 1L;

    private final long sessionStamp;

    AccountPrincipal(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                     long sessionStamp) {
        super(username, password, enabled, true, true, true, authorities);
        this.sessionStamp = sessionStamp;
    }

    public long sessionStamp() {
        return sessionStamp;
    }

    // User's equals/hashCode (by user name) stay: the stamp is not part of who this is.
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
