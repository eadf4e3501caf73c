package jp.kakaritsuke.audit.domain;

import java.time.Instant;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.TextRules;

/** One stored audit event. {@code id} is null until stored. */
public record AuditRecord(Long id, Instant occurredAt, AuditAction action, String actor, String subject, Long facilityId,
                          Long associationId, String remoteAddress, String detail) {

    public static final int ACTOR_LENGTH = 100;
    public static final int SUBJECT_LENGTH = 200;
    public static final int ADDRESS_LENGTH = 64;
    public static final int DETAIL_LENGTH = 500;

    /** Caps every text to its column and strips control characters (a typed user name may hold anything). */
    public AuditRecord {
        actor = clean(actor, ACTOR_LENGTH);
        subject = clean(subject, SUBJECT_LENGTH);
        remoteAddress = clean(remoteAddress, ADDRESS_LENGTH);
        detail = clean(detail, DETAIL_LENGTH);
    }

    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        // control and format characters (CR/LF forging a second line, NUL, bidirectional overrides) become spaces
        String s = TextRules.replaceInvisible(text, ' ').strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, s.offsetByCodePoints(0, s.codePointCount(0, max - 1))) + "…";
    }
}
