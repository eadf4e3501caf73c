package jp.kakaritsuke.facility.domain;

/** One row of the administrator's facility list (without the profile's details). */
public record FacilitySummary(long id, String name, FacilityType type, String prefecture, String municipality) {
}
