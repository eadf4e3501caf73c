package jp.kakaritsuke.actionplan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import jp.kakaritsuke.base.EditedAggregate;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;

/**
 * One action of a facility's plan: what is to be done for which of the 14 roles, optionally taken from a published
 * practice (事例17 ①, kept as its source reference) and from the round that suggested it; who does it, by when, and its
 * status. Changed only through {@code ActionPlanService}, which checks the rules and the version.
 */
@Entity
@Table(name = "action_item")
public class ActionItem extends EditedAggregate {

    public static final int MAX_WHAT = 500;
    public static final int MAX_WHO = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "facility_id", nullable = false)
    private long facilityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_code", nullable = false, length = 40)
    private RoleCode roleCode;

    @Column(name = "source_case", length = 20)
    private String sourceCase;

    @Column(name = "source_practice")
    private Integer sourcePractice;

    @Column(name = "round_id")
    private Long roundId;

    @Column(name = "what", nullable = false, length = MAX_WHAT)
    private String what;

    @Column(name = "who", length = MAX_WHO)
    private String who;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ActionStatus status;

    protected ActionItem() {
    }

    public ActionItem(long facilityId, RoleCode roleCode, SourceReference practice, Long roundId, Instant now, String by) {
        super(by, now);
        this.facilityId = facilityId;
        this.roleCode = roleCode;
        this.sourceCase = practice == null ? null : practice.caseNumber();
        this.sourcePractice = practice == null ? null : practice.practiceNumber();
        this.roundId = roundId;
        this.status = ActionStatus.PLANNED;
    }

    /** Sets what may change after creation; the caller has validated the values. */
    public void change(RoleCode roleCode, SourceReference practice, String what, String who, LocalDate dueDate,
                       ActionStatus status, Instant now, String by) {
        this.roleCode = roleCode;
        this.sourceCase = practice == null ? null : practice.caseNumber();
        this.sourcePractice = practice == null ? null : practice.practiceNumber();
        this.what = what;
        this.who = who;
        this.dueDate = dueDate;
        this.status = status;
        touched(by, now);
    }

    public void setStatus(ActionStatus status, Instant now, String by) {
        this.status = status;
        touched(by, now);
    }

    public Long getId() {
        return id;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public RoleCode getRoleCode() {
        return roleCode;
    }

    /** The published practice the action came from, or null. */
    public SourceReference getPractice() {
        return sourceCase == null ? null : new SourceReference(sourceCase, sourcePractice);
    }

    public Long getRoundId() {
        return roundId;
    }

    public String getWhat() {
        return what;
    }

    public String getWho() {
        return who;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public ActionStatus getStatus() {
        return status;
    }
}
