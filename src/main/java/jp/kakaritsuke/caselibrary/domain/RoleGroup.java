package jp.kakaritsuke.caselibrary.domain;

import java.util.Locale;

/** 医療機関連携 or 保健: the grouped column headers of the seed's matrix. */
public record RoleGroup(String code, int seq, String nameJa, String nameEn) {

    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
