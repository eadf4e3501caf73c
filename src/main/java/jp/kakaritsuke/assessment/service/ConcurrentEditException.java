package jp.kakaritsuke.assessment.service;

import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.base.ConflictException;

/**
 * Someone else saved the same role since the caller read it. Carries the current answer so the UI can show both
 * versions: nothing is overwritten silently and the caller's own input is not thrown away.
 */
public class ConcurrentEditException extends ConflictException {

    private final transient RoleAnswerView current;

    public ConcurrentEditException(RoleAnswerView current) {
        super("role " + current.roleCode() + " was saved by " + current.updatedBy() + " in the meantime");
        this.current = current;
    }

    public RoleAnswerView current() {
        return current;
    }
}
