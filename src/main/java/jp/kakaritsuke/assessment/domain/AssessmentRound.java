package jp.kakaritsuke.assessment.domain;

import jakarta.persistence.AttributeOverride;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.SubmittedAggregate;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;

/** One self-assessment of a facility against one questionnaire version; its creation is when it was started. */
@Entity
@Table(name = "assessment_round")
@AttributeOverride(name = "created.at", column = @Column(name = "started_at", nullable = false))
@AttributeOverride(name = "created.by", column = @Column(name = "started_by", nullable = false, length = 100))
public class AssessmentRound extends SubmittedAggregate {

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

    @OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RoleAnswer> answers = new ArrayList<>();

    protected AssessmentRound() {
    }

    public AssessmentRound(long facilityId, int questionnaireVersion, Long copiedFromRoundId, String by, Instant now) {
        super(by, now);
        this.facilityId = facilityId;
        this.questionnaireVersion = questionnaireVersion;
        this.copiedFromRoundId = copiedFromRoundId;
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

    public void submit(String by, Instant now, FacilityKind facilityType, String prefecture, AreaType areaType,
                       Integer bedsTotal) {
        if (status != RoundStatus.DRAFT) {
            throw new IllegalStateException("round " + id + " is already submitted");
        }
        this.status = RoundStatus.SUBMITTED;
        submitted(by, now);
        this.snapshotFacilityType = facilityType;
        this.snapshotPrefecture = prefecture;
        this.snapshotAreaType = areaType;
        this.snapshotBedsTotal = bedsTotal;
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
        return getCreatedAt();
    }

    public String getStartedBy() {
        return getCreatedBy();
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

    public List<RoleAnswer> getAnswers() {
        return Collections.unmodifiableList(answers);
    }
}
