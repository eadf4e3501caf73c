package jp.kakaritsuke.assessment.service;

import java.util.List;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * A submit refused because some roles have no level yet, or (in a reassessment) still carry last time's answer
 * unconfirmed; names them so the UI can link to them. Nothing is changed.
 */
public class SubmitIncompleteException extends RuntimeException {

    private final List<RoleCode> missingRoleCodes;
    private final List<RoleCode> unconfirmedRoleCodes;

    public SubmitIncompleteException(List<RoleCode> missingRoleCodes) {
        this(missingRoleCodes, List.of());
    }

    public SubmitIncompleteException(List<RoleCode> missingRoleCodes, List<RoleCode> unconfirmedRoleCodes) {
        super("levels missing for " + missingRoleCodes + ", unconfirmed " + unconfirmedRoleCodes);
        this.missingRoleCodes = List.copyOf(missingRoleCodes);
        this.unconfirmedRoleCodes = List.copyOf(unconfirmedRoleCodes);
    }

    /** Roles without a level. */
    public List<RoleCode> missingRoleCodes() {
        return missingRoleCodes;
    }

    /** Roles carried over from the previous round and neither confirmed 「変更なし」 nor saved. */
    public List<RoleCode> unconfirmedRoleCodes() {
        return unconfirmedRoleCodes;
    }
}
