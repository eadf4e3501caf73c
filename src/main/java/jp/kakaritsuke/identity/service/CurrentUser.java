package jp.kakaritsuke.identity.service;

/** The logged-in person as other modules see them. */
public record CurrentUser(long id, String username, String displayName, boolean admin) {
}
