package jp.kakaritsuke.caselibrary.domain;

/**
 * A role attributed to a case: a ● of the seed's matrix ({@code derived == false}) or, for reference cases
 * that the seed leaves unmarked, our own tag ({@code derived == true}).
 */
public record RoleMark(RoleCode roleCode, boolean derived) {
}
