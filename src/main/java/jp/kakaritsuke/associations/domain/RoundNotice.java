package jp.kakaritsuke.associations.domain;

import java.time.Instant;

/**
 * A round's notice to one member facility: when it went out and to how many of its editors; {@code recipients} 0 means
 * the facility had no editor with an address (nobody could be told by mail).
 */
public record RoundNotice(long roundId, long facilityId, RoundNoticeKind kind, Instant sentAt, int recipients) {

    public boolean noAddress() {
        return recipients == 0;
    }
}
