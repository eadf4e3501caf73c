package jp.kakaritsuke.identity.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Spring Data's fragment implementation of {@link AppUserSearch}. */
class AppUserSearchImpl implements AppUserSearch {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public List<AppUser> search(@Nullable String text, AccountFilter filter, long offset, int limit) {
        TypedQuery<AppUser> query = query("select u", text, filter, " order by u.username", AppUser.class);
        return query.setFirstResult((int) Math.min(Integer.MAX_VALUE, offset)).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(@Nullable String text, AccountFilter filter) {
        return query("select count(u)", text, filter, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, @Nullable String text, AccountFilter filter, String order, Class<T> type) {
        String pattern = pattern(text);
        StringBuilder jpql = new StringBuilder(select).append(" from AppUser u where 1 = 1");
        if (pattern != null) {
            // '!' as the escape character: a backslash means something else in MariaDB's string literals
            jpql.append(" and (u.username like :text escape '!' or lower(u.displayName) like :text escape '!'"
                    + " or u.email like :text escape '!')");
        }
        switch (filter == null ? AccountFilter.ALL : filter) {
            case FAILED_LOGINS -> jpql.append(" and (u.failedLogins > 0 or u.lockedUntil is not null)");
            case DISABLED -> jpql.append(" and u.enabled = false");
            case ALL -> { }
        }
        TypedQuery<T> query = entityManager.createQuery(jpql.append(order).toString(), type);
        if (pattern != null) {
            query.setParameter("text", pattern);
        }
        return query;
    }

    /** {@code %text%} with the LIKE wildcards escaped; NFKC and lower-case like the stored names and addresses. */
    static String pattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 200) {
            normalized = normalized.substring(0, 200);
        }
        return "%" + normalized.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
