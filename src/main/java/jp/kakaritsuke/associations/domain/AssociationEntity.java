package jp.kakaritsuke.associations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An association as its staff edit it (rename, move under another parent): the aggregate, written through JPA with
 * optimistic locking (docs/design-decisions/0007). The hierarchy everyone reads is {@link AssociationTree}, read whole
 * into {@link Association} records; the plain name belongs to that record, so the entity carries the suffix.
 */
@Entity
@Table(name = "association")
public class AssociationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "association_level", nullable = false, length = 20)
    private AssociationLevel level;

    @Column(nullable = false, length = 10)
    private String prefecture;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AssociationEntity() {
    }

    public AssociationEntity(String name, AssociationLevel level, String prefecture, Long parentId, Instant createdAt) {
        this.name = name;
        this.level = level;
        this.prefecture = prefecture;
        this.parentId = parentId;
        this.createdAt = createdAt;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /** Puts the association under another parent (null: top level). */
    public void moveUnder(Long newParentId) {
        this.parentId = newParentId;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AssociationLevel getLevel() {
        return level;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public Long getParentId() {
        return parentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
