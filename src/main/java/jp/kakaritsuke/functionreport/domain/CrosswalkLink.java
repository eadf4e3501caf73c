package jp.kakaritsuke.functionreport.domain;

import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * A link between one of the 14 roles and a function of the report (or one item of it, when {@code itemCode} is set),
 * with the reason. Ours, not the source's: derived data, shown as such (「当サービスによる対応付け」).
 */
public record CrosswalkLink(ReportFunction function, String itemCode, RoleCode roleCode, String reasonJa, String reasonEn) {

    public String reason(java.util.Locale locale) {
        return ReportItem.english(locale) && reasonEn != null ? reasonEn : reasonJa;
    }
}
