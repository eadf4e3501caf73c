package jp.kakaritsuke.facility.domain;

/** Designations and notifications that matter for かかりつけ医機能 (施設基準・指定). */
public enum Designation {
    /** 在宅療養支援診療所 */
    HOME_CARE_SUPPORT_CLINIC,
    /** 機能強化型在宅療養支援診療所 (単独型・連携型) */
    HOME_CARE_SUPPORT_CLINIC_ENHANCED,
    /** 在宅療養支援病院 */
    HOME_CARE_SUPPORT_HOSPITAL,
    /** 機能強化型在宅療養支援病院 */
    HOME_CARE_SUPPORT_HOSPITAL_ENHANCED,
    /** 在宅療養後方支援病院 */
    HOME_CARE_BACKUP_HOSPITAL,
    /** 地域医療支援病院 */
    REGIONAL_MEDICAL_SUPPORT_HOSPITAL,
    /** 地域包括ケア病棟・病床 */
    COMMUNITY_CARE_WARD,
    /** 機能強化加算の届出 */
    PRIMARY_CARE_FUNCTION_ENHANCEMENT
}
