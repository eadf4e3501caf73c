package jp.kakaritsuke.facility.service;

/**
 * Lets another module grant read access to a facility's results beyond its own members (a medical association, for a
 * member facility that consented). Read only: editing stays with the facility's editors.
 */
public interface FacilityReadGrant {

    boolean allowsRead(long userId, long facilityId);
}
