package jp.kakaritsuke.facility.service;

import java.util.Set;

/**
 * Lets another module grant rights on facilities beyond their own members: a medical association reads the submitted
 * results of member facilities that consented ({@link #allows}, {@link #facilities}), and its administrators register
 * member facilities ({@link #allowsCreate}) and invite their first editor ({@link #allowsFirstEditor}). A read grant
 * names the {@link FacilityScope} it gives; drafts, people and editing stay with the facility.
 */
public interface FacilityGrant {

    /** Does the grant give the user this scope on the facility? */
    boolean allows(long userId, long facilityId, FacilityScope scope);

    /** The facilities on which the grant gives the user this scope (the API's listing). */
    default Set<Long> facilities(long userId, FacilityScope scope) {
        return Set.of();
    }

    /** May the user register new facilities (e.g. as an association's administrator importing its members)? */
    default boolean allowsCreate(long userId) {
        return false;
    }

    /**
     * May the user invite the first editor of this facility (its association's administrator, after an import)? Only
     * asked while nobody has joined the facility: the grant never adds people to a facility that has members.
     */
    default boolean allowsFirstEditor(long userId, long facilityId) {
        return false;
    }
}
