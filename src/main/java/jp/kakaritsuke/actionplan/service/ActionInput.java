package jp.kakaritsuke.actionplan.service;

import java.time.LocalDate;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;

/**
 * What a person (UI) or a client (API) asks the plan to hold. {@code practice} (事例17 ①) and {@code roundId} are
 * optional references; {@code status} null means 予定 for a new action and "unchanged" for an existing one. A null
 * {@code roleCode} is refused by the one rule (the API passes a code that names no role as null).
 */
public record ActionInput(RoleCode roleCode, SourceReference practice, Long roundId, String what, String who,
                          LocalDate dueDate, ActionStatus status) {
}
