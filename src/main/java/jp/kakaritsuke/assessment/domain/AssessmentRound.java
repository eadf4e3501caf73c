package jp.kakaritsuke.assessment.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;

/** One self-assessment of a facility against one questionnaire version. */
@Entity
@Table(name = "assessment_round")
public class AssessmentRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "facility_id", nullable = false)
    private long facilityId;

    @Column(name = "questionnaire_version", nullable = false)
    private int questionnaireVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RoundStatus status = RoundStatus.DRAFT;

    @Column(name = "copied_from_round_id")
    private Long copiedFromRoundId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false, length = 100)
    private String startedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "snapshot_facility_type", length = 20)
    private FacilityKind snapshotFacilityType;

    @Column(name = "snapshot_prefecture", length = 10)
    private String snapshotPrefecture;

    @Enumerated(EnumType.STRING)
    @Column(name = "snapshot_area_type", length = 20)
    private AreaType snapshotAreaType;

    @Column(name = "snapshot_beds_total")
    private Integer snapshotBedsTotal;

    @Version
    private long version;

    @OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RoleAnswer> answers = new ArrayList<>();

    protected AssessmentRound() {
    }

    public AssessmentRound(long facilityId, int questionnaireVersion, Long copiedFromRoundId, String by, Instant now) {
        this.facilityId = facilityId;
        this.questionnaireVersion = questionnaireVersion;
        this.copiedFromRoundId = copiedFromRoundId;
        this.startedAt = now;
        this.startedBy = by;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public RoleAnswer addAnswer(RoleCode roleCode) {
        RoleAnswer answer = new RoleAnswer(this, roleCode);
        answers.add(answer);
        return answer;
    }

    public Optional<RoleAnswer> answer(RoleCode roleCode) {
        return answers.stream().filter(a -> a.getRoleCode() == roleCode).findFirst();
    }

    /** The round's levels and priorities as the typed role profile (a role without an answer: none). */
    public RoleLevels roleLevels() {
        RoleLevels levels = RoleLevels.EMPTY;
        for (RoleAnswer a : answers) {
            levels = levels.withLevel(a.getRoleCode(), a.getLevel()).withPriority(a.getRoleCode(), a.isPriority());
        }
        return levels;
    }

    public void touched(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public void submit(String by, Instant now, FacilityKind facilityType, String prefecture, AreaType areaType,
                       Integer bedsTotal) {
        if (status != RoundStatus.DRAFT) {
            throw new IllegalStateException("round " + id + " is already submitted");
        }
        this.status = RoundStatus.SUBMITTED;
        this.submittedAt = now;
        this.submittedBy = by;
        this.snapshotFacilityType = facilityType;
        this.snapshotPrefecture = prefecture;
        this.snapshotAreaType = areaType;
        this.snapshotBedsTotal = bedsTotal;
        touched(by, now);
    }

    public boolean isDraft() {
        return status == RoundStatus.DRAFT;
    }

    public Long getId() {
        return id;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public int getQuestionnaireVersion() {
        return questionnaireVersion;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public Long getCopiedFromRoundId() {
        return copiedFromRoundId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public FacilityKind getSnapshotFacilityType() {
        return snapshotFacilityType;
    }

    public AreaType getSnapshotAreaType() {
        return snapshotAreaType;
    }

    public Integer getSnapshotBedsTotal() {
        return snapshotBedsTotal;
    }

    public String getSnapshotPrefecture() {
        return snapshotPrefecture;
    }

    public long getVersion() {
        return version;
    }

    public List<RoleAnswer> getAnswers() {
        return Collections.unmodifiableList(answers);
    }

    // stream P: the demo's history without SQL over this module's table (assessment.service.RoundBackdating)

    /** Restates when the round was started, last changed and submitted (the demo's last year; never the services). */
    public void backdate(Instant at) {
        this.startedAt = at;
        this.updatedAt = at;
        this.submittedAt = at;
    }
}
