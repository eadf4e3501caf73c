package jp.kakaritsuke.facility.service;

/**
 * Lets another module grant rights on facilities beyond their own members: a medical association reads the results of
 * member facilities that consented, and its administrators register member facilities and invite their first users.
 * Editing answers always stays with the facility's editors.
 */
public interface FacilityReadGrant {

    boolean allowsRead(long userId, long facilityId);

    /** May the user register new facilities (e.g. as an association's administrator importing its members)? */
    default boolean allowsCreate(long userId) {
        return false;
    }

    /** May the user invite editors to this facility (e.g. its association's administrator, for the first user)? */
    default boolean allowsInvite(long userId, long facilityId) {
        return false;
    }
}
