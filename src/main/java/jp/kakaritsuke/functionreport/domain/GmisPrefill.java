package jp.kakaritsuke.functionreport.domain;

/** Whether G-MIS fills the item in from claims (NDBプレプリント) before the facility sees it. */
public enum GmisPrefill {
    /** The facility answers it. */
    NO,
    /** G-MIS shows it filled in from claims; the facility checks it. */
    NDB,
    /** The source names the item but does not say whether it is pre-filled (shown as "check on G-MIS"). */
    UNCONFIRMED
}
