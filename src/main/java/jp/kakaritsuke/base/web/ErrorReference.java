package jp.kakaritsuke.base.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A short random reference shown with an unexpected error (on a page or in an API problem) and logged with the
 * exception, so the two can be matched without showing the exception to the user.
 */
public final class ErrorReference {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    /** Eight hex digits, e.g. {@code 3f9a0c1e}: short enough to read out on the phone. */
    public static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
