package jp.kakaritsuke.base;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Who did something to a record and when (created, last changed, submitted): one value, so an entity cannot set the
 * time without the person. Column names come from the embedding field's {@code @AttributeOverride}s, since each table
 * names its stamps after what happened ({@code started_at}, {@code submitted_by}).
 */
@Embeddable
public record Stamp(Instant at, String by) {
}
