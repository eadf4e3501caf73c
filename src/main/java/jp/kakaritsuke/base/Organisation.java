package jp.kakaritsuke.base;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What a facility and an association share as entities: a name, the prefecture it belongs to, when it was registered
 * and the optimistic-lock version its editors work against (decision 0007). Each module keeps its own table and its
 * own kind of organisation (facility kind, association level).
 */
@MappedSuperclass
public abstract class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 10)
    private String prefecture;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    protected Organisation(String name, String prefecture, Instant createdAt) {
        this.name = name;
        this.prefecture = prefecture;
        this.createdAt = createdAt;
    }

    /** The caller has validated both. */
    protected final void nameAndPrefecture(String name, String prefecture) {
        this.name = name;
        this.prefecture = prefecture;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
