package jp.kakaritsuke.base;

import java.util.List;

/** Input a service refused, with the i18n keys of what to fix (the UI shows them, the API returns 400). */
public class InvalidInputException extends IllegalArgumentException {

    private final List<String> messageKeys;
    private final List<String> fields;

    public InvalidInputException(List<String> messageKeys) {
        this(messageKeys, List.of());
    }

    /** With the names of the offending request fields (e.g. {@code levels.HOME_CARE}), for API clients. */
    public InvalidInputException(List<String> messageKeys, List<String> fields) {
        super(String.join(", ", messageKeys) + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")"));
        this.messageKeys = List.copyOf(messageKeys);
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }

    public List<String> messageKeys() {
        return messageKeys;
    }
}
