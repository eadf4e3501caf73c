package jp.kakaritsuke.base;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mail address as this application accepts it: one rule for every form and service (invitations, accounts, the
 * password reset). Input typed with a Japanese IME often arrives full-width (ｄｒ＠ｅｘａｍｐｌｅ．ｊｐ): NFKC makes it
 * ASCII first. Addresses are kept lower-case, so that one address is one account (binary collation on MariaDB).
 * Only ASCII addresses are accepted: SMTPUTF8 is not something every clinic's provider supports.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        if (!problems(value).isEmpty() || !value.equals(normalize(value))) {
            throw new IllegalArgumentException("not a normalised mail address");
        }
    }

    /** The address as stored: NFKC, stripped, lower-case. */
    public static String normalize(String input) {
        return Normalizer.normalize(input, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Message keys (i18n) of what is wrong with the input; empty when it is a valid address. Blank is invalid. */
    public static List<String> problems(String input) {
        if (input == null || input.isBlank()) {
            return List.of("email.error.invalid");
        }
        String normalized = normalize(input);
        if (normalized.length() > MAX_LENGTH) {
            return List.of("email.error.tooLong");
        }
        return SHAPE.matcher(normalized).matches() && !normalized.contains("..") ? List.of() : List.of("email.error.invalid");
    }

    /** The address, if the input is one. */
    public static Optional<EmailAddress> parse(String input) {
        return problems(input).isEmpty() ? Optional.of(new EmailAddress(normalize(input))) : Optional.empty();
    }

    /** Blank input is no address (an optional field left empty); anything else must be valid. */
    public static Optional<EmailAddress> parseOptional(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(input).orElseThrow(() -> new InvalidInputException(problems(input))));
    }

    @Override
    public String toString() {
        return value;
    }
}
