package jp.kakaritsuke.facility.domain;

import jp.kakaritsuke.base.FacilityKind;

/** One row of the administrator's facility list (without the profile's details). */
public record FacilitySummary(long id, String name, FacilityKind type, String prefecture, String municipality) {
}
