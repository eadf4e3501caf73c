package jp.kakaritsuke.facility.domain;

/** How many members of one role a facility has (the administrators' facility list). */
public record MemberRoleCount(long facilityId, MemberRole role, long members) {
}
