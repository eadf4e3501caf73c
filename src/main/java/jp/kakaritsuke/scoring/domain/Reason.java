package jp.kakaritsuke.scoring.domain;

import java.util.List;

/**
 * Why a case is similar or a practice recommended: an i18n key ({@code reason.*}) and its arguments. An argument says
 * what it is by its type: a {@code RoleCode} (shown as the role's name), a {@code SourceReference} (a case, shown as
 * 事例N / 参考N), a {@link Label} (an i18n key, shown translated), a list of these (joined with the list separator), or
 * anything else (a number, a prefecture), shown as it is.
 */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }

    /** An argument that is an i18n key: shown as its text in the reader's language. */
    public record Label(String key) {
    }
}
