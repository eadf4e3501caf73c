package jp.kakaritsuke.scoring.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * The answer: similar cases best first, and recommended practices in groups, one group per priority role (in the
 * roles' order) and then per weak role (weakest first, then the roles' order). The page, the API and the Excel report
 * all show the groups in this one order.
 */
public record Recommendation(List<SimilarCase> similarCases, List<PracticeGroup> groups) {

    public Recommendation {
        similarCases = List.copyOf(similarCases);
        groups = List.copyOf(groups);
    }

    /**
     * Every recommended practice once, in the groups' order (a practice shown again for a second priority role is
     * listed where it first appears).
     */
    public List<RecommendedPractice> practices() {
        Set<Long> seen = new HashSet<>();
        return groups.stream().flatMap(g -> g.practices().stream()).filter(p -> seen.add(p.id())).toList();
    }

    public record SimilarCase(String number, String name, String category, boolean reference, double similarity,
                              List<Reason> reasons) {
    }

    /** Why a group is there: the facility chose the role as a priority, or it is one of its weak roles. */
    public enum GroupKind { PRIORITY, GAP }

    /**
     * The practices (at most {@link ScoringModel#PER_GROUP}) shown for one role. A priority role always has a group,
     * empty when the library has no practice that applies to this facility.
     */
    public record PracticeGroup(RoleCode roleCode, GroupKind kind, int level, List<RecommendedPractice> practices) {

        public PracticeGroup {
            practices = List.copyOf(practices);
        }
    }

    /**
     * {@code roles} are the roles of the practice that the facility needs (priority or gap), in the roles' order.
     * {@code summary} is what the facility of the case did (verbatim from the seed's 取組の詳細 unless
     * {@code summaryDerived}); {@code why} is one sentence saying why it fits; {@code reasons} are the older tag-like
     * reasons, kept for API clients.
     */
    public record RecommendedPractice(long id, String caseNumber, int practiceNumber, String title, String summary,
                                      boolean summaryDerived, List<RoleCode> roles, List<Reason> reasons, Reason why,
                                      double score) {
    }
}
