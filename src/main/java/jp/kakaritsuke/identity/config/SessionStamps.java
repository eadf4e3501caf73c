package jp.kakaritsuke.identity.config;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;

/**
 * The session stamp a logged-in session started with (see {@link SessionStampFilter}), kept in the HTTP session.
 * Set at a session's first request after the login, from the stamp read together with the password hash; renewed
 * when the session's own user changes their password, so that this session stays while the others end.
 */
public final class SessionStamps {

    static final String ATTRIBUTE = SessionStamps.class.getName();

    /** Which account and stamp; the user name too, because a session id survives a second login by someone else. */
    record Stamp(String username, long stamp) implements Serializable {
    }

    private SessionStamps() {
    }

    /** This session goes on with the account's new stamp (after its own password change). */
    public static void renew(HttpSession session, String username, long stamp) {
        if (session != null) {
            session.setAttribute(ATTRIBUTE, new Stamp(username, stamp));
        }
    }
}
