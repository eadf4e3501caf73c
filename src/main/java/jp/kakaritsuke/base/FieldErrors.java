package jp.kakaritsuke.base;

import java.util.List;

/**
 * Input refused field by field, so a form can show each message on its own field and an API client can tell which
 * value to fix. {@code field} is the name the caller used ({@code "level"}, {@code "note"}, an indicator code such as
 * {@code "HOME_CARE.visit_patients"}); {@code messageKey} an i18n key, rendered with {@code args}.
 */
public class FieldErrors extends InvalidInputException {

    public record FieldError(String field, String messageKey, List<Object> args) {
        public FieldError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static FieldError of(String field, String messageKey, Object... args) {
            return new FieldError(field, messageKey, List.of(args));
        }
    }

    private final List<FieldError> errors;

    public FieldErrors(List<FieldError> errors) {
        super(errors.stream().map(FieldError::messageKey).distinct().toList(),
                errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first error on a field, if any. */
    public java.util.Optional<FieldError> on(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst();
    }
}
