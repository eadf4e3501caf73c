package jp.kakaritsuke.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * One difference between a role's answer in this round and in the round it was copied from. {@code field} is
 * {@value #LEVEL}, {@value #PRIORITY}, {@value #NOTE} or an indicator code; {@code before} / {@code after} are the
 * values as plain text (a level "0"–"4", a priority "true"/"false", a number as typed back by
 * {@code NumberInput.format}, a choice's name such as "YES"), null where nothing was given.
 */
public record AnswerChange(RoleCode roleCode, String field, String before, String after) {

    public static final String LEVEL = "level";
    public static final String PRIORITY = "priority";
    public static final String NOTE = "note";

    /** One side of the comparison: a role's answer as given. */
    public record Side(Integer level, boolean priority, String note, Map<String, IndicatorValue> indicators) {
        public Side {
            indicators = indicators == null ? Map.of() : indicators;
        }
    }

    /**
     * What changed in one role, in the order level, priority, the question's indicators (in their order), note.
     * Only the indicators of {@code question} (the current version) are compared: an indicator the version dropped is
     * not a change the respondent made.
     */
    public static List<AnswerChange> between(RoleQuestion question, Side before, Side after) {
        return between(question.roleCode(), question.indicators().stream().map(Indicator::code).toList(), before, after);
    }

    /** The same, comparing the indicators named in {@code indicatorCodes}, in that order. */
    public static List<AnswerChange> between(RoleCode role, List<String> indicatorCodes, Side before, Side after) {
        List<AnswerChange> changes = new ArrayList<>();
        add(changes, role, LEVEL, text(before.level()), text(after.level()));
        add(changes, role, PRIORITY, String.valueOf(before.priority()), String.valueOf(after.priority()));
        for (String code : indicatorCodes) {
            add(changes, role, code, text(before.indicators().get(code)), text(after.indicators().get(code)));
        }
        add(changes, role, NOTE, blankToNull(before.note()), blankToNull(after.note()));
        return changes;
    }

    private static void add(List<AnswerChange> changes, RoleCode role, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new AnswerChange(role, field, before, after));
        }
    }

    private static String text(Integer level) {
        return level == null ? null : level.toString();
    }

    static String text(IndicatorValue v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.getChoice() != null) {
            return v.getChoice().name();
        }
        return NumberInput.format(v.getNumber());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
