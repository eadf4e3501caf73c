package jp.kakaritsuke.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import jp.kakaritsuke.audit.domain.AuditEventRepository;
import jp.kakaritsuke.audit.domain.AuditQuery;
import jp.kakaritsuke.audit.domain.AuditRecord;
import jp.kakaritsuke.audit.domain.AuditScope;
import jp.kakaritsuke.base.AuditAction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An association administrator's part of the log, as the one query per page reads it from the sets the associations
 * and identity services resolved (docs/design-decisions/0007): the association's events, its members' consent
 * decisions, its staff's actions on members — and the same rows whether the member list is small or large (above
 * AuditEventRepository.LARGE_SCOPE the condition is written differently). AuditAccessTest covers who gets which scope.
 */
@SpringBootTest
class AuditScopeTest {

    @Autowired
    AuditEventRepository repository;

    @Test
    void smallAndLargeScopesReadTheSameRows() {
        // ids far from anything another test makes: the log is append-only, shared by the tests of one database
        long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10_000;
        long association = base;
        long member = base + 1;
        long otherMember = base + 2;
        long outsider = base + 3;
        String staff = "scope-staff-" + base;
        Instant at = Instant.parse("2026-05-01T09:00:00Z");
        List<String> visible = List.of(
                insert(at, AuditAction.ROUND_OPENED, staff, null, association, "the association's own"),
                insert(at.plusSeconds(1), AuditAction.CONSENT_GIVEN, "someone", member, null, "a member's consent"),
                insert(at.plusSeconds(2), AuditAction.REPORT_DOWNLOADED, staff, otherMember, null, "staff on a member"));
        insert(at.plusSeconds(3), AuditAction.ROUND_SUBMITTED, "someone", member, null, "a member's internal event");
        insert(at.plusSeconds(4), AuditAction.CONSENT_GIVEN, "someone", outsider, null, "not a member's consent");
        insert(at.plusSeconds(5), AuditAction.REPORT_DOWNLOADED, staff, outsider, null, "staff elsewhere");

        Set<Long> small = Set.of(member, otherMember);
        Set<Long> large = new HashSet<>(small);
        for (long i = 1; large.size() <= 6_000; i++) {
            large.add(base + 1_000 + i); // members with no events
        }
        for (Set<Long> members : List.of(small, large)) {
            AuditScope scope = new AuditScope(Set.of(association), members, Set.of(staff));
            assertThat(repository.find(AuditQuery.ALL, scope, 0, 50)).extracting(AuditRecord::detail)
                    .containsExactlyElementsOf(visible.reversed());
            assertThat(repository.count(AuditQuery.ALL, scope)).isEqualTo(3);
            // filters still apply
            assertThat(repository.find(new AuditQuery(AuditAction.CONSENT_GIVEN, null, null, null, null, null), scope, 0, 50))
                    .extracting(AuditRecord::detail).containsExactly("a member's consent");
        }
        // without staff only the consent decisions of members count besides the association's own
        AuditScope noStaff = new AuditScope(Set.of(association), large, Set.of());
        assertThat(repository.find(AuditQuery.ALL, noStaff, 0, 50)).extracting(AuditRecord::detail)
                .containsExactly("a member's consent", "the association's own");
        AuditScope noMembers = new AuditScope(Set.of(association), Set.of(), Set.of(staff));
        assertThat(repository.find(AuditQuery.ALL, noMembers, 0, 50)).extracting(AuditRecord::detail)
                .containsExactly("the association's own");
    }

    private String insert(Instant at, AuditAction action, String actor, Long facilityId, Long associationId, String detail) {
        repository.insert(new AuditRecord(null, at, action, actor, null, facilityId, associationId, null, detail));
        return detail;
    }
}
