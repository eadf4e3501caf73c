package jp.kakaritsuke.associations.domain;

/** What a round notice was: the mail when the round opened, or the reminder some days before its deadline. */
public enum RoundNoticeKind {
    OPENED,
    REMINDER
}
