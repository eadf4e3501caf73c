package jp.kakaritsuke.peers.domain;

import jp.kakaritsuke.base.FacilityKind;

/**
 * Size bands a facility is compared within: clinics with or without beds, hospitals by the bands that matter for
 * かかりつけ医機能 (200 beds is where 地域包括診療料 and similar rules stop). Derived from the beds a facility gave.
 */
public enum BedBand {
    /** 無床診療所 */
    CLINIC_NO_BEDS(FacilityKind.CLINIC, 0, 0),
    /** 有床診療所 (1–19 beds) */
    CLINIC_WITH_BEDS(FacilityKind.CLINIC, 1, 19),
    /** 病院 20–99床 */
    HOSPITAL_20_99(FacilityKind.HOSPITAL, 0, 99),
    /** 病院 100–199床 */
    HOSPITAL_100_199(FacilityKind.HOSPITAL, 100, 199),
    /** 病院 200–399床 */
    HOSPITAL_200_399(FacilityKind.HOSPITAL, 200, 399),
    /** 病院 400床以上 */
    HOSPITAL_400_PLUS(FacilityKind.HOSPITAL, 400, Integer.MAX_VALUE);

    private final FacilityKind kind;
    private final int min;
    private final int max;

    BedBand(FacilityKind kind, int min, int max) {
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    public FacilityKind kind() {
        return kind;
    }

    /** Whether a facility of this band's kind with this many beds belongs to it. */
    public boolean fits(int bedsTotal) {
        return bedsTotal >= min && bedsTotal <= max;
    }

    /** The band of a facility of this kind with this many beds in total (a hospital without a count: the smallest). */
    public static BedBand of(FacilityKind kind, int bedsTotal) {
        for (BedBand b : values()) {
            if (b.kind == kind && bedsTotal >= b.min && bedsTotal <= b.max) {
                return b;
            }
        }
        throw new IllegalArgumentException("no bed band for " + kind + " with " + bedsTotal + " beds");
    }
}
