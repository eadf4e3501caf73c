package jp.kakaritsuke.caselibrary.domain;

import java.util.Locale;

/** One of the 14 roles of かかりつけ医機能, in the seed's order ({@code seq}). {@code groupCode} is null for stand-alone roles. */
public record Role(RoleCode code, int seq, String nameJa, String nameEn, String groupCode) {

    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
