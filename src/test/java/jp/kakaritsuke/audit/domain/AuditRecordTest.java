package jp.kakaritsuke.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.kakaritsuke.base.AuditAction;
import org.junit.jupiter.api.Test;

/** What an audit record keeps of hostile text: one line, in the order it was typed, within its column. */
class AuditRecordTest {

    @Test
    void lineBreaksAndBidirectionalOverridesNeverReachTheRecord() {
        AuditRecord r = new AuditRecord(null, Instant.EPOCH, AuditAction.LOGIN_FAILED, "admin\r\nLOGIN_SUCCEEDED",
                "invoice\u202Efdp.exe", null, null, "127.0.0.1", "x".repeat(AuditRecord.DETAIL_LENGTH + 50));
        assertThat(r.actor()).isEqualTo("admin  LOGIN_SUCCEEDED");
        assertThat(r.subject()).isEqualTo("invoice fdp.exe");
        assertThat(r.detail()).hasSize(AuditRecord.DETAIL_LENGTH).endsWith("…");
    }
}
