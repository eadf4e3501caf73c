package jp.kakaritsuke.facility.service;

/**
 * What a caller asks to do with a facility. Members hold every read scope (editors also {@link #EDIT}); a grant from
 * another module ({@link FacilityGrant}) holds only what it names — a consenting member's association holds
 * {@link #SUBMITTED_RESULTS}, because the consent says 「結果の閲覧」 and nothing more.
 */
public enum FacilityScope {

    /** The facility's name and basics, its submitted rounds, their profiles and reports. */
    SUBMITTED_RESULTS,

    /** Drafts, the list of its people, its invitations: what stays inside the facility. */
    INTERNALS,

    /** Changing answers, the profile, the consent, inviting people (editors). */
    EDIT
}
