package jp.kakaritsuke.facility.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Locale;

/** The query behind {@link FacilitySearchRepository}: only the requested rows leave the database. */
class FacilitySearchRepositoryImpl implements FacilitySearchRepository {

    // not a backslash: MariaDB reads '\' in ESCAPE '\' as the start of an escape sequence
    private static final char ESCAPE = '!';

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<FacilitySummary> search(List<String> terms, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<FacilitySummary> q = cb.createQuery(FacilitySummary.class);
        Root<Facility> f = q.from(Facility.class);
        q.select(cb.construct(FacilitySummary.class, f.get("id"), f.get("name"), f.get("type"), f.get("prefecture"),
                f.get("municipality")));
        q.where(matching(cb, f, terms));
        q.orderBy(cb.asc(f.get("name")), cb.asc(f.get("id")));
        return em.createQuery(q).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countMatching(List<String> terms) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Facility> f = q.from(Facility.class);
        q.select(cb.count(f));
        q.where(matching(cb, f, terms));
        return em.createQuery(q).getSingleResult();
    }

    private static Predicate[] matching(CriteriaBuilder cb, Root<Facility> f, List<String> terms) {
        return terms.stream().map(term -> {
            String pattern = "%" + escape(term.toLowerCase(Locale.ROOT)) + "%";
            return cb.or(like(cb, f.get("name"), pattern), like(cb, f.get("prefecture"), pattern),
                    like(cb, f.get("municipality"), pattern));
        }).toArray(Predicate[]::new);
    }

    private static Predicate like(CriteriaBuilder cb, Expression<String> field, String pattern) {
        return cb.like(cb.lower(field), pattern, ESCAPE);
    }

    static String escape(String term) {
        StringBuilder b = new StringBuilder();
        for (char c : term.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                b.append(ESCAPE);
            }
            b.append(c);
        }
        return b.toString();
    }
}
