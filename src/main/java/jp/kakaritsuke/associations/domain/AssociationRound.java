package jp.kakaritsuke.associations.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A round an association opened for its members: submissions after {@code openedAt} count for it. */
public record AssociationRound(long id, long associationId, String associationName, String name, Instant openedAt,
                               LocalDate deadline) {
}
