package jp.kakaritsuke.scoring.domain;

import java.util.List;

/** The answer: similar cases and recommended practices, each best first, each with its reasons. */
public record Recommendation(List<SimilarCase> similarCases, List<RecommendedPractice> practices) {

    public record SimilarCase(String number, String name, String category, boolean reference, double similarity,
                              List<Reason> reasons) {
    }

    /** {@code roles} are the roles of the practice that the facility needs (priority or gap), in the roles' order. */
    public record RecommendedPractice(long id, String caseNumber, int practiceNumber, String title, List<String> roles,
                                      List<Reason> reasons, double score) {
    }
}
