package jp.kakaritsuke.scoring.domain;

import java.util.List;

/** Why a case is similar or a practice recommended: an i18n key ({@code reason.*}) and its arguments. */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }
}
