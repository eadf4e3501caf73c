package jp.kakaritsuke.scoring.domain;

import java.util.Map;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * Who can take a practice up (docs/scoring.md, "Applicability"). Derived by us: the default follows the kind of the
 * case's facility, a few practices read otherwise are listed in {@link #OVERRIDES} with the reason.
 */
public enum Reach {
    /** One facility can do it on its own (default for practices of clinic cases). */
    OPEN,
    /** Needs beds, wards or a hospital's departments (default for practices of hospital cases). */
    HOSPITAL,
    /** Set up and run by a medical association or network of many members (default for association cases). */
    NETWORK,
    /** A programme a facility joins with work it already does (a certification, a rota, a shared-care group). */
    JOIN;

    /** A derived reach and, for JOIN, the role the practice builds on. */
    public record Derived(Reach reach, RoleCode qualifyingRole) {
    }

    /** By source reference (case-practice). Reasons in docs/scoring.md. */
    static final Map<String, Derived> OVERRIDES = Map.ofEntries(
            // hospital cases whose practice a clinic can do as well
            Map.entry("11-1", new Derived(OPEN, null)),      // daily conference of all staff on each patient
            Map.entry("11-4", new Derived(OPEN, null)),      // end-of-life care wished for by patient and family
            Map.entry("14-3", new Derived(OPEN, null)),      // a workplace that keeps its staff
            Map.entry("15-4", new Derived(OPEN, null)),      // ICT and online care for patients at home
            // programmes a single facility joins
            Map.entry("4-3", new Derived(JOIN, RoleCode.MATERNAL_CHILD)),  // 日本小児科医会's 地域総合小児医療認定医
            Map.entry("9-4", new Derived(JOIN, RoleCode.OUT_OF_HOURS)),    // the medical association's holiday/night rota
            Map.entry("17-1", new Derived(JOIN, RoleCode.HOME_CARE)),      // 主治医・副主治医制 among home-visiting clinics
            Map.entry("18-1", new Derived(JOIN, RoleCode.HOME_CARE)),      // くらげ方式 group of home-care clinics and hospitals
            Map.entry("19-2", new Derived(JOIN, RoleCode.HOME_CARE)));     // 在宅カルテ used by home-visiting clinics

    public static Derived of(FacilityKind caseFacility, String caseNumber, int practiceNumber) {
        Derived override = OVERRIDES.get(caseNumber + "-" + practiceNumber);
        if (override != null) {
            return override;
        }
        return new Derived(switch (caseFacility) {
            case CLINIC -> OPEN;
            case HOSPITAL -> HOSPITAL;
            case ASSOCIATION -> NETWORK;
        }, null);
    }
}
