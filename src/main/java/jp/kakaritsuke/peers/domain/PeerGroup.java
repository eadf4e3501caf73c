package jp.kakaritsuke.peers.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.facility.domain.Prefectures;
import org.jspecify.annotations.Nullable;

/**
 * A peer group by attributes: facilities of {@code kind} that match every attribute given (null = any). The same
 * record for the default group, a group a user defines in the UI and one asked for over the API; {@link #validate()}
 * is the one rule both use.
 *
 * @param prefecture a prefecture's name (facility.domain.Prefectures); at most one of region and prefecture
 * @param designations the facility must hold all of these
 */
public record PeerGroup(FacilityKind kind, @Nullable BedBand bedBand, @Nullable AreaType areaType,
                        @Nullable Region region, @Nullable String prefecture, Set<Designation> designations) {

    /** Designations only a clinic can hold; the rest of those below only a hospital. */
    private static final Set<Designation> CLINIC_ONLY = EnumSet.of(Designation.HOME_CARE_SUPPORT_CLINIC,
            Designation.HOME_CARE_SUPPORT_CLINIC_ENHANCED);
    private static final Set<Designation> HOSPITAL_ONLY = EnumSet.of(Designation.HOME_CARE_SUPPORT_HOSPITAL,
            Designation.HOME_CARE_SUPPORT_HOSPITAL_ENHANCED, Designation.HOME_CARE_BACKUP_HOSPITAL,
            Designation.REGIONAL_MEDICAL_SUPPORT_HOSPITAL, Designation.COMMUNITY_CARE_WARD);

    public PeerGroup {
        designations = Set.copyOf(designations);
    }

    /**
     * The default group of a facility as it submitted: the same kind; for a hospital the same bed band (clinics with
     * and without beds are compared together: few clinics have beds); the same area type (any, if it gave none); the
     * same region.
     */
    public static PeerGroup defaultOf(PeerAttributes facility) {
        return new PeerGroup(facility.kind(), facility.kind() == FacilityKind.HOSPITAL ? facility.bedBand() : null,
                facility.areaType(), facility.region(), null, Set.of());
    }

    /** Whether a facility of this kind can hold the designation (在宅療養支援診療所 only a clinic, …). */
    public static boolean fits(Designation designation, FacilityKind kind) {
        return switch (kind) {
            case CLINIC -> !HOSPITAL_ONLY.contains(designation);
            case HOSPITAL -> !CLINIC_ONLY.contains(designation);
            case ASSOCIATION -> false;
        };
    }

    /** What is wrong with the group, as i18n keys (empty: a group statistics can be asked for). */
    public List<String> validate() {
        return problems().stream().map(Problem::messageKey).distinct().toList();
    }

    /** The request fields the problems are about ({@code kind, bedBand, areaType, region, prefecture, designation}). */
    public List<String> invalidFields() {
        Set<String> fields = new LinkedHashSet<>();
        problems().forEach(p -> fields.addAll(p.fields()));
        return List.copyOf(fields);
    }

    /** Throws InvalidInputException with the keys and fields when the group is not valid. */
    public void requireValid() {
        if (!problems().isEmpty()) {
            throw new InvalidInputException(validate(), invalidFields());
        }
    }

    /** Whether a facility as it submitted belongs to the group. */
    public boolean matches(PeerAttributes facility) {
        return facility.kind() == kind
                && (bedBand == null || facility.bedBand() == bedBand)
                && (areaType == null || facility.areaType() == areaType)
                && (region == null || facility.region() == region)
                && (prefecture == null || prefecture.equals(facility.prefecture()))
                && facility.designations().containsAll(designations);
    }

    private record Problem(String messageKey, List<String> fields) {
    }

    private List<Problem> problems() {
        List<Problem> result = new ArrayList<>();
        if (kind == FacilityKind.ASSOCIATION) {
            result.add(new Problem("peers.group.error.notComparable", List.of("kind")));
        }
        if (bedBand != null && bedBand.kind() != kind) {
            result.add(new Problem("peers.group.error.bedBand", List.of("bedBand")));
        }
        if (prefecture != null && !Prefectures.ALL.contains(prefecture)) {
            result.add(new Problem("peers.group.error.prefecture", List.of("prefecture")));
        }
        if (region != null && prefecture != null) {
            result.add(new Problem("peers.group.error.regionAndPrefecture", List.of("region", "prefecture")));
        }
        if (designations.stream().anyMatch(d -> !fits(d, kind))) {
            result.add(new Problem("peers.group.error.designation", List.of("designation")));
        }
        return result;
    }

    /**
     * The group in words, its attributes joined: 「診療所・大都市・関東」 — the one wording of the result page, the custom
     * form and the board report. Never anything of a single facility: only what defines the group. {@code translation}
     * gives the text of a message key in the reader's language.
     */
    public String describe(java.util.function.Function<String, String> translation) {
        List<String> parts = new ArrayList<>();
        parts.add(translation.apply("facilityType." + kind.name()));
        if (bedBand != null) {
            parts.add(translation.apply("peers.bedBand." + bedBand.name()));
        }
        if (areaType != null) {
            parts.add(translation.apply("areaType." + areaType.name()));
        }
        if (region != null) {
            parts.add(translation.apply("region." + region.name()));
        }
        if (prefecture != null) {
            parts.add(prefecture);
        }
        designations.stream().sorted().map(d -> translation.apply("designation." + d.name())).forEach(parts::add);
        return String.join(translation.apply("peers.group.separator"), parts);
    }
}
