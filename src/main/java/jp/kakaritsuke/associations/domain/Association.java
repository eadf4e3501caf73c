package jp.kakaritsuke.associations.domain;

import java.util.Comparator;

/** A medical association; {@code parentId} is null for a top-level one. */
public record Association(long id, String name, AssociationLevel level, String prefecture, Long parentId) {

    /** How lists show associations: national, then prefectural, then city ones; by prefecture, then name. */
    public static final Comparator<Association> HIERARCHY_ORDER = Comparator.comparing(Association::level)
            .thenComparing(Association::prefecture).thenComparing(Association::name);
}
