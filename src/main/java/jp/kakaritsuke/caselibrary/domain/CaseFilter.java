package jp.kakaritsuke.caselibrary.domain;

/**
 * Filter for the case matrix; null fields match everything. {@code includeReferenceCases} false keeps the 19 cases only.
 */
public record CaseFilter(CaseCategory category, String prefecture, RoleCode roleCode, boolean includeReferenceCases) {

    public static final CaseFilter ALL_CASES = new CaseFilter(null, null, null, false);

    public boolean matches(CaseStudy c) {
        return (includeReferenceCases || c.kind() == CaseKind.CASE)
                && (category == null || c.category() == category)
                && (prefecture == null || prefecture.equals(c.prefecture()))
                && (roleCode == null || c.hasRole(roleCode));
    }
}
