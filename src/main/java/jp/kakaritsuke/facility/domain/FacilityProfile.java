package jp.kakaritsuke.facility.domain;

import java.util.ArrayList;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.TextRules;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.base.FacilityKind;

/**
 * What the questionnaire's basics step edits, and what other modules read of a facility. {@code version} is the
 * optimistic-lock version it was read at. {@link #validate()} returns i18n keys of what to fix.
 */
public record FacilityProfile(Long id, long version, String name, FacilityKind type, String prefecture,
                              String municipality, AreaType areaType, Integer bedsGeneral, Integer bedsLongTerm,
                              Integer bedsOther, Integer doctorsFullTime, Integer doctorsPartTime,
                              Set<Designation> designations) {

    public static final int MAX_BEDS = 3000;
    public static final int MAX_DOCTORS = 2000;

    public FacilityProfile {
        designations = designations == null ? Set.of() : Set.copyOf(designations);
    }

    /** Total beds, 0 when none are given (clinics without beds, associations). */
    public int bedsTotal() {
        return nz(bedsGeneral) + nz(bedsLongTerm) + nz(bedsOther);
    }

    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add("facility.error.name");
        } else if (name.length() > 200) {
            errors.add("facility.error.nameLength");
        }
        // names and towns reach CSV and Excel exports and other users' screens (base.TextRules)
        errors.addAll(TextRules.problems("facility.error.name", name));
        errors.addAll(TextRules.problems("facility.error.municipality", municipality));
        if (type == null) {
            errors.add("facility.error.type");
        }
        if (prefecture == null || !Prefectures.ALL.contains(prefecture)) {
            errors.add("facility.error.prefecture");
        }
        if (municipality != null && municipality.length() > 100) {
            errors.add("facility.error.municipality");
        }
        for (Integer beds : new Integer[] {bedsGeneral, bedsLongTerm, bedsOther}) {
            if (beds != null && (beds < 0 || beds > MAX_BEDS)) {
                errors.add("facility.error.beds");
                break;
            }
        }
        if (type == FacilityKind.CLINIC && bedsTotal() > 19) {
            // 医療法: a clinic has at most 19 beds; more makes it a hospital.
            errors.add("facility.error.clinicBeds");
        }
        for (Integer doctors : new Integer[] {doctorsFullTime, doctorsPartTime}) {
            if (doctors != null && (doctors < 0 || doctors > MAX_DOCTORS)) {
                errors.add("facility.error.doctors");
                break;
            }
        }
        return errors;
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
