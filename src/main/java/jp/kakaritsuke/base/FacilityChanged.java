package jp.kakaritsuke.base;

import java.util.Objects;

/**
 * A facility was created, or its name, kind, municipality or consent may have changed: everything other modules keep
 * of a facility in a read model of their own (associations' {@code member_state}, docs/design-decisions/0010).
 * Published by {@code facility.service} with Spring's {@code ApplicationEventPublisher} inside the transaction that
 * made the change, after the change is applied, so a synchronous listener stores the copy in the same transaction:
 * it commits and rolls back with the facility. The whole current state each time, never a difference: a listener
 * may simply overwrite its copy.
 *
 * @param municipality null when none is recorded
 * @param consentIdentified the facility lets its associations see its identified results
 */
public record FacilityChanged(long facilityId, String name, FacilityKind kind, String municipality,
                              boolean consentIdentified) {

    public FacilityChanged {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
