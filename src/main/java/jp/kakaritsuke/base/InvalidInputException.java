package jp.kakaritsuke.base;

import java.util.List;

/** Input a service refused, with the i18n keys of what to fix (the UI shows them, the API returns 400). */
public class InvalidInputException extends IllegalArgumentException {

    private final List<String> messageKeys;

    public InvalidInputException(List<String> messageKeys) {
        super(String.join(", ", messageKeys));
        this.messageKeys = List.copyOf(messageKeys);
    }

    public List<String> messageKeys() {
        return messageKeys;
    }
}
