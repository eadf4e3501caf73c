package jp.kakaritsuke.scoring.domain;

/**
 * A practice as the model sees it: its case (index into the model's cases), the roles it serves (ordinals of {@code RoleCode}), its
 * summary, and who can take it up ({@link Reach}; {@code qualifyingRole} is the ordinal of the role a
 * {@link Reach#JOIN} practice builds on, -1 otherwise).
 */
public record PracticeProfile(long id, int caseIndex, int number, String title, int[] roles, String summary,
                              boolean summaryDerived, Reach reach, int qualifyingRole) {

    /** A practice without summary or reach data (benchmarks, synthetic models): open to every facility. */
    public PracticeProfile(long id, int caseIndex, int number, String title, int[] roles) {
        this(id, caseIndex, number, title, roles, "", true, Reach.OPEN, -1);
    }
}
