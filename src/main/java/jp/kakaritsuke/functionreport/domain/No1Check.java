package jp.kakaritsuke.functionreport.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the answers meet 1号機能: every item marked (★) ({@link ReportItem#requiredForNo1()}) answered with a choice
 * that {@link ReportChoice#fulfils() fulfils} it (for the 17 areas: at least one area). {@code missing}: the (★) items
 * answered but not fulfilled; {@code unanswered}: the (★) items without an answer. Only a facility with 1号 reports 2号.
 */
public record No1Check(boolean met, List<String> missing, List<String> unanswered) {

    public No1Check {
        missing = List.copyOf(missing);
        unanswered = List.copyOf(unanswered);
    }

    /**
     * Pure. A (★) item counts as fulfilled by a choice marked {@code fulfils} (0:該当無し alone fulfils nothing), a
     * number above 0, a non-blank text or at least one name. A (★) item asked only after another item's choice
     * ({@code dependsOnItem}) is left out while that choice is not given: it is not asked then. An edition without
     * (★) items meets nothing (met is false): we would rather say "not determined" than claim 1号.
     */
    public static No1Check evaluate(ReportEdition edition, Map<String, PreparationAnswer> answers) {
        List<String> missing = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        int required = 0;
        for (ReportItem item : edition.items()) {
            if (!item.requiredForNo1() || !asked(item, answers)) {
                continue;
            }
            required++;
            PreparationAnswer answer = answers.get(item.code());
            if (answer == null || answer.empty()) {
                unanswered.add(item.code());
            } else if (!fulfils(item, answer)) {
                missing.add(item.code());
            }
        }
        return new No1Check(required > 0 && missing.isEmpty() && unanswered.isEmpty(), missing, unanswered);
    }

    /** Whether the answer says 「実施している」/「実施できる」/「有り」 (or a count above 0, a name, a text). */
    public static boolean fulfils(ReportItem item, PreparationAnswer answer) {
        if (answer == null || answer.empty()) {
            return false;
        }
        return switch (item.type()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> answer.choices().stream()
                    .anyMatch(code -> item.choice(code).map(ReportChoice::fulfils).orElse(false));
            case NUMBER -> answer.number() != null && answer.number().signum() > 0;
            case TEXT -> answer.text() != null && !answer.text().isBlank();
            case NAME_LIST -> !answer.names().isEmpty();
        };
    }

    /** Whether the item is asked given the other answers: always, or when its controlling item has the choice. */
    public static boolean asked(ReportItem item, Map<String, PreparationAnswer> answers) {
        if (item.dependsOnItem() == null) {
            return true;
        }
        PreparationAnswer controlling = answers.get(item.dependsOnItem());
        return controlling != null && item.dependsOnChoice() != null && controlling.choices().contains(item.dependsOnChoice());
    }
}
