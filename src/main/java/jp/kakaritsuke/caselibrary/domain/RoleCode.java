package jp.kakaritsuke.caselibrary.domain;

/**
 * The 14 roles of かかりつけ医機能, in the 事例集's order (the {@code seq} of the {@code role} table, which a test keeps
 * equal to this enum). The set is fixed by the source: a role added or renamed there would be a new questionnaire and
 * report edition anyway, so a type checked by the compiler is worth more than one read from the database. Names and
 * groups stay reference data ({@link Role}).
 */
public enum RoleCode {
    CLINIC_CLINIC, CLINIC_HOSPITAL, HOSPITAL_HOSPITAL, MATERNAL_CHILD, SCHOOL_HEALTH, OCCUPATIONAL_HEALTH,
    CARE_WELFARE, OUT_OF_HOURS, HOME_CARE, END_OF_LIFE, MULTIDISCIPLINARY, EMERGENCY, CAREER_SUPPORT, OTHER;

    /** The code as stored and sent (the enum's name); unknown codes are refused with {@link IllegalArgumentException}. */
    public static RoleCode of(String code) {
        return valueOf(code);
    }

    /** The code if {@code code} is one, for input that may be anything (an API body, a URL fragment). */
    public static java.util.Optional<RoleCode> parse(String code) {
        for (RoleCode r : values()) {
            if (r.name().equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
