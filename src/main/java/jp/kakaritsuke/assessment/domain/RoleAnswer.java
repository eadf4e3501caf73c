package jp.kakaritsuke.assessment.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import jp.kakaritsuke.base.Stamp;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import org.jspecify.annotations.Nullable;

/**
 * A round's answer for one role: level, priority flag, note and indicator answers. It carries its own version: two
 * editors working on different roles never collide, two on the same role get a clear conflict.
 */
@Entity
@Table(name = "role_answer")
public class RoleAnswer {

    public static final int MAX_NOTE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private AssessmentRound round;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_code", nullable = false, length = 40)
    private RoleCode roleCode;

    @Column(name = "level")
    private Integer level;

    @Column(nullable = false)
    private boolean priority;

    @Column(length = MAX_NOTE_LENGTH)
    private String note;

    /** False while an answer carried over from the previous round waits for 「変更なし」 or a change. */
    @Column(nullable = false)
    private boolean confirmed = true;

    /** Null until someone answers (the row exists from the round's start). */
    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "updated_at"))
    @AttributeOverride(name = "by", column = @Column(name = "updated_by", length = 100))
    private @Nullable Stamp updated;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "indicator_answer", joinColumns = @JoinColumn(name = "role_answer_id"))
    @MapKeyColumn(name = "indicator_code", length = 80)
    private Map<String, IndicatorValue> indicators = new HashMap<>();

    @Version
    private long version;

    protected RoleAnswer() {
    }

    RoleAnswer(AssessmentRound round, RoleCode roleCode) {
        this.round = round;
        this.roleCode = roleCode;
    }

    /** Replaces the whole answer of the role with validated input. */
    public void apply(Integer level, boolean priority, String note, Map<String, IndicatorValue> indicatorValues,
                      String by, Instant now) {
        this.level = level;
        this.priority = priority;
        this.note = note == null || note.isBlank() ? null : note;
        this.indicators.clear();
        indicatorValues.forEach((code, value) -> {
            if (value != null && !value.isEmpty()) {
                this.indicators.put(code, value);
            }
        });
        this.confirmed = true;
        this.updated = new Stamp(now, by);
    }

    /** Last round's answer, copied into a new round: shown as the proposal until someone confirms or changes it. */
    public void carryOver(Integer level, boolean priority, String note, Map<String, IndicatorValue> indicatorValues,
                          String by, Instant now) {
        apply(level, priority, note, indicatorValues, by, now);
        this.confirmed = false;
    }

    /** 「変更なし」: the carried-over answer stands as this round's answer. */
    public void confirm(String by, Instant now) {
        this.confirmed = true;
        this.updated = new Stamp(now, by);
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public Long getId() {
        return id;
    }

    public RoleCode getRoleCode() {
        return roleCode;
    }

    public Integer getLevel() {
        return level;
    }

    public boolean isPriority() {
        return priority;
    }

    public String getNote() {
        return note;
    }

    public Map<String, IndicatorValue> getIndicators() {
        return Collections.unmodifiableMap(indicators);
    }

    public @Nullable Instant getUpdatedAt() {
        return updated == null ? null : updated.at();
    }

    public @Nullable String getUpdatedBy() {
        return updated == null ? null : updated.by();
    }

    public long getVersion() {
        return version;
    }
}
