package jp.kakaritsuke.scoring.domain;

/** A practice as the model sees it: its case (index into the model's cases) and the indexes of the roles it serves. */
public record PracticeProfile(long id, int caseIndex, int number, String title, int[] roles) {
}
