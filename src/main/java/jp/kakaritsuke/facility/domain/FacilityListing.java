package jp.kakaritsuke.facility.domain;

/**
 * A facility as a register of members lists it (an association's): no results, no people. {@code consenting}: it lets
 * its associations see its results identified; {@code hasMembers}: someone has joined it.
 */
public record FacilityListing(long id, String name, FacilityType type, String municipality, boolean consenting,
                              boolean hasMembers) {
}
