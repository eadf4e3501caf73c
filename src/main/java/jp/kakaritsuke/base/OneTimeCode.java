package jp.kakaritsuke.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Invitation codes (facility members, association staff): 16 characters in groups of four, of which only the SHA-256
 * is stored. A code is the credential until it is used, so it is random (SecureRandom, about 79 bits) and one-time.
 */
public final class OneTimeCode {

    private static final SecureRandom RANDOM = new SecureRandom();
    // No 0/O/1/I/L: the code may be read out over the phone.
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    /** Longer input is not a code: refused before hashing. */
    public static final int MAX_INPUT = 64;

    private OneTimeCode() {
    }

    public static String generate() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    /** A secret for links and tokens nobody types: 256 random bits, base64url without padding (43 characters). */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Codes are typed by people: case and surrounding blanks do not matter. */
    public static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The stored form of a (normalized) code. */
    public static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the input could be a code at all (blank and over-long input are not looked up). */
    public static boolean plausible(String code) {
        return code != null && !code.isBlank() && code.length() <= MAX_INPUT;
    }

    /**
     * Runs the conditional UPDATE that uses a code up; false when another acceptance got there first. A database that
     * reports the collision as a lock failure instead of "no row matched" (H2's concurrent-update error, a deadlock
     * or lock timeout) has lost the race just the same: the caller's transaction rolls back either way.
     */
    public static boolean claim(BooleanSupplier conditionalUpdate) {
        try {
            return conditionalUpdate.getAsBoolean();
        } catch (ConcurrencyFailureException e) {
            return false;
        }
    }
}
