package jp.kakaritsuke.actionplan.domain;

/** Where an action stands: 予定, 実施中, 完了, 中止. The first two are "open" (the next round asks about them). */
public enum ActionStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
