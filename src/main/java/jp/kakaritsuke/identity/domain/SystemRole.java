package jp.kakaritsuke.identity.domain;

/** System-wide role. Facility and association membership roles come with the self-assessment issue. */
public enum SystemRole {
    /** Manages facilities, associations, users and reference data. */
    ADMIN,
    /** Everyone else; what they may touch is decided per facility / association. */
    USER
}
