package jp.kakaritsuke.actionplan.service;

import java.util.List;
import jp.kakaritsuke.base.InvalidInputException;

/**
 * An action the plan refused, field by field: the UI shows each message on its field, the API answers 400 with
 * {@code errors: [{field, code, message}]}. Field names are those of the API's JSON ({@code roleCode}, {@code what},
 * {@code who}, {@code dueDate}, {@code practice}, {@code status}).
 */
public class ActionInputException extends InvalidInputException {

    /** One refused field, its message key and the key's arguments. */
    public record Problem(String field, String messageKey, List<Object> args) {
        public Problem {
            args = List.copyOf(args);
        }
    }

    private final List<Problem> problems;

    public ActionInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::messageKey).toList(), problems.stream().map(Problem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
