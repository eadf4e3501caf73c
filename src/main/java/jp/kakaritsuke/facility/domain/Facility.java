package jp.kakaritsuke.facility.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.kakaritsuke.base.AreaType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Organisation;

/** A clinic, hospital or association that assesses itself. Optimistic locking: two editors may change the profile. */
@Entity
@Table(name = "facility")
public class Facility extends Organisation {

    @Enumerated(EnumType.STRING)
    @Column(name = "facility_type", nullable = false, length = 20)
    private FacilityKind type;

    @Column(length = 100)
    private String municipality;

    @Enumerated(EnumType.STRING)
    @Column(name = "area_type", length = 20)
    private AreaType areaType;

    @Column(name = "beds_general")
    private Integer bedsGeneral;

    @Column(name = "beds_long_term")
    private Integer bedsLongTerm;

    @Column(name = "beds_other")
    private Integer bedsOther;

    @Column(name = "doctors_full_time")
    private Integer doctorsFullTime;

    @Column(name = "doctors_part_time")
    private Integer doctorsPartTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "facility_designation", joinColumns = @JoinColumn(name = "facility_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "designation", length = 40)
    private Set<Designation> designations = new HashSet<>();

    /** The facility lets its associations see its identified results; without it, it only counts in aggregates. */
    @Column(name = "consent_identified", nullable = false)
    private boolean consentIdentified;

    protected Facility() {
    }

    public Facility(String name, FacilityKind type, String prefecture, Instant createdAt) {
        super(name, prefecture, createdAt);
        this.type = type;
    }

    /** Copies a validated profile onto the entity. */
    public void apply(FacilityProfile p) {
        nameAndPrefecture(p.name(), p.prefecture());
        this.type = p.type();
        this.municipality = p.municipality();
        this.areaType = p.areaType();
        this.bedsGeneral = p.bedsGeneral();
        this.bedsLongTerm = p.bedsLongTerm();
        this.bedsOther = p.bedsOther();
        this.doctorsFullTime = p.doctorsFullTime();
        this.doctorsPartTime = p.doctorsPartTime();
        this.designations.clear();
        this.designations.addAll(p.designations());
    }

    public FacilityProfile profile() {
        return new FacilityProfile(getId(), getVersion(), getName(), type, getPrefecture(), municipality, areaType, bedsGeneral, bedsLongTerm,
                bedsOther, doctorsFullTime, doctorsPartTime,
                designations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(designations)));
    }

    public FacilityKind getType() {
        return type;
    }

    public boolean isConsentIdentified() {
        return consentIdentified;
    }

    public void setConsentIdentified(boolean consentIdentified) {
        this.consentIdentified = consentIdentified;
    }
}
