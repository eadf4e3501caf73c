package jp.kakaritsuke.identity.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The administrators' account list: a text search with paging at any offset (a lazy grid asks for any slice). */
public interface AppUserSearch {

    /** Which accounts: all, those with failed logins or a lock, disabled ones. */
    enum AccountFilter { ALL, FAILED_LOGINS, DISABLED }

    /**
     * Accounts whose user name, name or address contains {@code text} (case-insensitive; null or blank = any), by user
     * name.
     */
    List<AppUser> search(@Nullable String text, AccountFilter filter, long offset, int limit);

    long count(@Nullable String text, AccountFilter filter);
}
