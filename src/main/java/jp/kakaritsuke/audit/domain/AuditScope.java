package jp.kakaritsuke.audit.domain;

import java.util.Set;

/**
 * What an association administrator may read of the log, as sets the audit module receives from the associations
 * and identity services (it names no other module's table): the events of the associations they see; consent given or
 * withdrawn by those associations' member facilities; and what those associations' staff (by user name) did on those
 * members — reading a member's results, inviting its first users. A member facility's internal events are not theirs.
 * {@code associations} is never empty (a caller without any is refused before); the other two may be.
 */
public record AuditScope(Set<Long> associations, Set<Long> memberFacilities, Set<String> staff) {

    public AuditScope {
        if (associations.isEmpty()) {
            throw new IllegalArgumentException("an empty scope reads nothing; refuse the caller instead");
        }
        associations = Set.copyOf(associations);
        memberFacilities = Set.copyOf(memberFacilities);
        staff = Set.copyOf(staff);
    }
}
