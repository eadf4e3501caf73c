package jp.kakaritsuke.associations.domain;

import org.springframework.data.jpa.repository.JpaRepository;

/** Writes the association aggregate; the hierarchy is read whole by {@link AssociationRepository#tree()}. */
public interface AssociationEntityRepository extends JpaRepository<AssociationEntity, Long> {
}
