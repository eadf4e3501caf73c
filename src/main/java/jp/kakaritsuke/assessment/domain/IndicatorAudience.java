package jp.kakaritsuke.assessment.domain;

import jp.kakaritsuke.base.FacilityKind;

/**
 * Who is asked an indicator (version 3). Associations do not file the かかりつけ医機能報告, so the report's own items
 * and what only a medical institution can have (a fee notification, a 医療措置協定) are asked of clinics and hospitals
 * only; associations get their own questions where their answer means something else (the members' total shifts).
 */
public enum IndicatorAudience {
    /** Everyone (every indicator of versions 1 and 2). */
    ALL,
    /** Clinics and hospitals: the medical institutions that file the report. */
    FACILITY,
    /** Clinics only (e.g. 時間外対応加算, a clinic's fee). */
    CLINIC,
    /** Hospitals only. */
    HOSPITAL,
    /** Medical associations only. */
    ASSOCIATION;

    public boolean includes(FacilityKind type) {
        return switch (this) {
            case ALL -> true;
            case FACILITY -> type == FacilityKind.CLINIC || type == FacilityKind.HOSPITAL;
            case CLINIC -> type == FacilityKind.CLINIC;
            case HOSPITAL -> type == FacilityKind.HOSPITAL;
            case ASSOCIATION -> type == FacilityKind.ASSOCIATION;
        };
    }
}
