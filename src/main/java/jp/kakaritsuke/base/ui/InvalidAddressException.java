package jp.kakaritsuke.base.ui;

/**
 * A parameter in the page's address is malformed ({@code ?step=abc}, {@code 1e3}, a NUL, a number too large): the
 * page shows {@link InvalidAddressView} with HTTP 400 instead of an exception trace.
 */
public class InvalidAddressException extends RuntimeException {

    public InvalidAddressException(String parameter) {
        super("malformed parameter " + parameter);
    }
}
