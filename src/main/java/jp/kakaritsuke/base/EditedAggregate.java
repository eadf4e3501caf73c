package jp.kakaritsuke.base;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every aggregate people edit over several requests carries (decision 0007): the optimistic-lock version and who
 * created it and changed it last, and when. The columns are {@code created_at/_by} and {@code updated_at/_by}; an
 * entity whose table names the first stamp otherwise overrides {@code created.at}/{@code created.by} on its class.
 */
@MappedSuperclass
public abstract class EditedAggregate {

    @Version
    private long version;

    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "created_at", nullable = false))
    @AttributeOverride(name = "by", column = @Column(name = "created_by", nullable = false, length = 100))
    private Stamp created;

    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "updated_at", nullable = false))
    @AttributeOverride(name = "by", column = @Column(name = "updated_by", nullable = false, length = 100))
    private Stamp updated;

    protected EditedAggregate() {
    }

    protected EditedAggregate(String by, Instant now) {
        this.created = new Stamp(now, by);
        this.updated = created;
    }

    /** Records who changed the aggregate last; the version moves with the flush. */
    protected final void touched(String by, Instant now) {
        this.updated = new Stamp(now, by);
    }

    /** Restates when it was created and last changed (the demo's history only). */
    protected void backdate(Instant at) {
        this.created = new Stamp(at, created.by());
        this.updated = new Stamp(at, updated.by());
    }

    public long getVersion() {
        return version;
    }

    public Stamp created() {
        return created;
    }

    public Stamp updated() {
        return updated;
    }

    public Instant getCreatedAt() {
        return created.at();
    }

    public String getCreatedBy() {
        return created.by();
    }

    public Instant getUpdatedAt() {
        return updated.at();
    }

    public String getUpdatedBy() {
        return updated.by();
    }
}
