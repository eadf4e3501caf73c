package jp.kakaritsuke.caselibrary.domain;

import java.util.List;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;

/**
 * One case of the 事例集 (事例1–19 or 参考1–6) with everything the seed says of it. {@code areaType} is derived by us
 * (the seed states none).
 */
public record CaseStudy(
        String number,
        int seq,
        CaseKind kind,
        CaseCategory category,
        FacilityKind facilityKind,
        String name,
        String prefecture,
        String municipality,
        String locationText,
        String facilityType,
        String facilityTypeDetail,
        Beds beds,
        AreaType areaType,
        String overview,
        List<String> regionFeatures,
        List<Highlight> highlights,
        List<RoleMark> roleMarks,
        List<Practice> practices) {

    public CaseStudy {
        regionFeatures = List.copyOf(regionFeatures);
        highlights = List.copyOf(highlights);
        roleMarks = List.copyOf(roleMarks);
        practices = List.copyOf(practices);
    }

    public boolean hasRole(RoleCode roleCode) {
        return roleMarks.stream().anyMatch(m -> m.roleCode() == roleCode);
    }

    /** ● marks of the seed's matrix. */
    public List<RoleCode> markedRoles() {
        return roleMarks.stream().filter(m -> !m.derived()).map(RoleMark::roleCode).toList();
    }

    /** Our own tags (reference cases only). */
    public List<RoleCode> derivedRoles() {
        return roleMarks.stream().filter(RoleMark::derived).map(RoleMark::roleCode).toList();
    }

    public SourceReference source() {
        return new SourceReference(number, null);
    }
}
