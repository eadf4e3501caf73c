package example.archrules.clinic.service;

import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.Anyone;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planted examples for {@code ServiceAccessRuleTest} and {@code TransactionRuleTest} (outside jp.kakaritsuke, so never
 * a bean of the application): one method of each kind the rules accept, and the ones they must refuse.
 */
@org.springframework.stereotype.Service
public class ClinicService {

    private final ClinicAccess access;
    private final ClinicRepository clinics;

    public ClinicService(ClinicAccess access, ClinicRepository clinics) {
        this.access = access;
        this.clinics = clinics;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public String adminOnly(long id) {
        return "x";
    }

    /** Checked through a private helper inside a lambda. */
    @Transactional
    public String viaHelper(long id) {
        return java.util.Optional.of(id).map(this::readable).orElseThrow();
    }

    private String readable(long id) {
        access.require(id);
        return clinics.name(id);
    }

    @AnySignedInUser
    public String open() {
        return "published";
    }

    @Anyone("the one-time code is the credential")
    public String byCode(String code) {
        return code;
    }

    /** Refused: no role, no scope, not marked open. */
    public String unchecked(long id) {
        return clinics.name(id);
    }

    /** Refused: signing in is not a scope; open methods say so with @AnySignedInUser. */
    @PreAuthorize("isAuthenticated()")
    public String signedInOnly(long id) {
        return access.currentUser() + id;
    }

    /** Refused by the transaction rule: a repository read outside a transaction, through a private helper. */
    @PreAuthorize("hasRole('ADMIN')")
    public String twoReadsWithoutTransaction(long id) {
        return name(id) + name(id + 1);
    }

    private String name(long id) {
        return clinics.name(id);
    }

    /** Accepted by the transaction rule: programmatic transaction. */
    @PreAuthorize("hasRole('ADMIN')")
    public String programmatic(org.springframework.transaction.support.TransactionTemplate transaction, long id) {
        return transaction.execute(status -> clinics.name(id));
    }
}
