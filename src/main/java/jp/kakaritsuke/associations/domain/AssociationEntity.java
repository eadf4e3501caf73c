package jp.kakaritsuke.associations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.kakaritsuke.base.Organisation;

/**
 * An association as its staff edit it (rename, move under another parent): the aggregate, written through JPA with
 * optimistic locking (docs/design-decisions/0007). The hierarchy everyone reads is {@link AssociationTree}, read whole
 * into {@link Association} records; the plain name belongs to that record, so the entity carries the suffix.
 */
@Entity
@Table(name = "association")
public class AssociationEntity extends Organisation {

    @Enumerated(EnumType.STRING)
    @Column(name = "association_level", nullable = false, length = 20)
    private AssociationLevel level;

    @Column(name = "parent_id")
    private Long parentId;

    protected AssociationEntity() {
    }

    public AssociationEntity(String name, AssociationLevel level, String prefecture, Long parentId, Instant createdAt) {
        super(name, prefecture, createdAt);
        this.level = level;
        this.parentId = parentId;
    }

    public void rename(String newName) {
        nameAndPrefecture(newName, getPrefecture());
    }

    /** Puts the association under another parent (null: top level). */
    public void moveUnder(Long newParentId) {
        this.parentId = newParentId;
    }

    public AssociationLevel getLevel() {
        return level;
    }

    public Long getParentId() {
        return parentId;
    }
}
