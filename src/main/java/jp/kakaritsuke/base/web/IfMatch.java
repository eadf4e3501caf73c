package jp.kakaritsuke.base.web;

import java.util.List;
import jp.kakaritsuke.base.InvalidInputException;

/**
 * The version an editing API call is made against, one rule for every such API: {@code If-Match} ("3", W/"3" or 3)
 * or {@code version} in the body; both given must agree, a malformed tag is a 400 (the caller's message key), none at
 * all is a 428 ({@link VersionRequiredException}, answered by {@code ApiExceptionHandler}).
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** No version given: 428 Precondition Required, with what to send. */
    public static final class VersionRequiredException extends RuntimeException {
        public VersionRequiredException(String whatToSend) {
            super(whatToSend);
        }
    }

    public static long version(String ifMatch, Long bodyVersion, String invalidKey, String whatToSend) {
        Long header = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                header = Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(List.of(invalidKey), List.of("If-Match"));
            }
        }
        if (header == null && bodyVersion == null) {
            throw new VersionRequiredException(whatToSend);
        }
        if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
            throw new InvalidInputException(List.of(invalidKey), List.of("If-Match", "version"));
        }
        return header != null ? header : bodyVersion;
    }
}
