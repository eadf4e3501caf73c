package jp.kakaritsuke.facility.domain;

import jp.kakaritsuke.base.FacilityKind;

/**
 * A facility as a register of members lists it (an association's): no results, no people. {@code consenting}: it lets
 * its associations see its results identified; {@code hasMembers}: someone has joined it.
 */
public record FacilityListing(long id, String name, FacilityKind type, String municipality, boolean consenting,
                              boolean hasMembers) {
}
