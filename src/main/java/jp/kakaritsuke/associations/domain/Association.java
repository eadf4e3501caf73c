package jp.kakaritsuke.associations.domain;

/** A medical association; {@code parentId} is null for a prefectural one. */
public record Association(long id, String name, AssociationLevel level, String prefecture, Long parentId) {
}
