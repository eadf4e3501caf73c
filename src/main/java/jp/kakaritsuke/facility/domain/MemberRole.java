package jp.kakaritsuke.facility.domain;

/** EDITOR fills in the assessment and invites viewers; VIEWER (e.g. a board member) reads and exports. */
public enum MemberRole { EDITOR, VIEWER }
