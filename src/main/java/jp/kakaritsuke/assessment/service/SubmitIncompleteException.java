package jp.kakaritsuke.assessment.service;

import java.util.List;

/** A submit refused because some roles have no level yet; names them so the UI can link to them. */
public class SubmitIncompleteException extends RuntimeException {

    private final List<String> missingRoleCodes;

    public SubmitIncompleteException(List<String> missingRoleCodes) {
        super("levels missing for " + missingRoleCodes);
        this.missingRoleCodes = List.copyOf(missingRoleCodes);
    }

    public List<String> missingRoleCodes() {
        return missingRoleCodes;
    }
}
