package jp.kakaritsuke.base;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An edited aggregate that is submitted at the end (an assessment round, a report preparation): who submitted it last
 * and when, in {@code submitted_at/_by}. The status stays the entity's own, since each has its own states.
 */
@MappedSuperclass
public abstract class SubmittedAggregate extends EditedAggregate {

    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "submitted_at"))
    @AttributeOverride(name = "by", column = @Column(name = "submitted_by", length = 100))
    private @Nullable Stamp submitted;

    protected SubmittedAggregate() {
    }

    protected SubmittedAggregate(String by, Instant now) {
        super(by, now);
    }

    /** Records the submission, which is also the last change. */
    protected final void submitted(String by, Instant now) {
        this.submitted = new Stamp(now, by);
        touched(by, now);
    }

    /** Restates when it was created, last changed and submitted (the demo's history; never the services). */
    @Override
    public void backdate(Instant at) {
        super.backdate(at);
        if (submitted != null) {
            this.submitted = new Stamp(at, submitted.by());
        }
    }

    /** Null until the first submission; kept through a reopening until the next. */
    public @Nullable Stamp submitted() {
        return submitted;
    }

    public @Nullable Instant getSubmittedAt() {
        return submitted == null ? null : submitted.at();
    }

    public @Nullable String getSubmittedBy() {
        return submitted == null ? null : submitted.by();
    }
}
