package jp.kakaritsuke.facility.domain;

/** Where an invitation stands: only an OPEN one can be accepted, revoked or (like an EXPIRED one) resent. */
public enum InvitationState { OPEN, ACCEPTED, EXPIRED, REVOKED }
