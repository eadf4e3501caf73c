package jp.kakaritsuke.base.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numbers from a page's address without trusting it: anything but plain decimal digits in range (a sign, an
 * exponent, a NUL, a repeated parameter, a value past the int range) is refused with {@link InvalidAddressException},
 * which the router shows as a plain "address not valid" page. Ids in the path need no help: views take them as
 * {@code HasUrlParameter<Long>}, whose route pattern accepts digits only, and anything else is "not found".
 */
public final class UrlParameters {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private UrlParameters() {
    }

    /** An optional query parameter that must be a whole number from 1 to {@code max} when present. */
    public static Optional<Integer> positiveInt(QueryParameters query, String name, int max) {
        List<String> values = query.getParameters().getOrDefault(name, List.of());
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.getFirst();
        if (values.size() > 1 || value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidAddressException(name);
        }
        int number = Integer.parseInt(value);
        if (number < 1 || number > max) {
            throw new InvalidAddressException(name);
        }
        return Optional.of(number);
    }
}
