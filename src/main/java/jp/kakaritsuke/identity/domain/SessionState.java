package jp.kakaritsuke.identity.domain;

/** An account's session stamp and whether it may log in: what each request of a logged-in session is checked against. */
public record SessionState(long stamp, boolean enabled) {
}
