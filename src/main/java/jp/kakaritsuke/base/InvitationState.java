package jp.kakaritsuke.base;

/** Where a one-time invitation (a facility's or an association's) stands: only an OPEN one can be accepted, revoked or (like an EXPIRED one) resent. */
public enum InvitationState { OPEN, ACCEPTED, EXPIRED, REVOKED }
