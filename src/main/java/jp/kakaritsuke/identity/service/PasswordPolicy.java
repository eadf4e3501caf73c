package jp.kakaritsuke.identity.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one password rule (NIST SP 800-63B-4, 3.1.1.2), used wherever a password is set: at least {@value #MIN_LENGTH}
 * characters (the minimum for a password that is the only factor, as here), at most {@value #MAX_LENGTH} (room for a
 * passphrase, and a bound on the hashing work), counted in Unicode code points after NFKC normalisation; not the user
 * name nor containing it; not a common password (the 49,233 of zxcvbn's list, see docs/security-passwords.md), also
 * when digits or symbols are only appended to one; not one short run repeated. No composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 64;

    static final String COMMON_PASSWORDS = "/identity/common-passwords.txt";

    /** The 49,233 entries take about 2.8 MB of heap. */
    private static final Set<String> COMMON = load();
    private static final java.util.regex.Pattern AROUND = java.util.regex.Pattern.compile(
            "^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$");

    private PasswordPolicy() {
    }

    /**
     * NFKC, so that the same password typed with full-width or half-width characters (an IME's choice, not the
     * user's) is the same password. Applied when a password is set and when it is checked at login.
     */
    public static String normalize(String password) {
        return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** The i18n key of what is wrong with the password ({0} = minimum, {1} = maximum length), or empty when it is fine. */
    public static Optional<String> problem(String username, String rawPassword) {
        if (rawPassword == null) {
            return Optional.of("account.error.password");
        }
        String password = normalize(rawPassword);
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("account.error.password");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("account.error.passwordTooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String user = username == null ? "" : normalize(username).strip().toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && lower.contains(user)) {
            return Optional.of("account.error.passwordUsername");
        }
        if (isCommon(lower) || repeatsShortRun(lower)) {
            return Optional.of("account.error.passwordCommon");
        }
        return Optional.empty();
    }

    /** In the list as it is, or a listed password with only digits, blanks or symbols added before or after it. */
    private static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        String core = AROUND.matcher(lower).replaceAll("");
        return !core.isEmpty() && COMMON.contains(core);
    }

    /** "aaaaaaaaaaaaaaa", "abcabcabcabcabc": one run of up to four characters, repeated. */
    private static boolean repeatsShortRun(String lower) {
        for (int unit = 1; unit <= 4 && unit < lower.length(); unit++) {
            String run = lower.substring(0, unit);
            if (run.repeat(lower.length() / unit + 1).startsWith(lower)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(65_536);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    words.add(line.strip().intern());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    static int commonPasswordCount() {
        return COMMON.size();
    }
}
