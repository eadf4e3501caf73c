package jp.kakaritsuke.base.ui.extension;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A facility's action plan on another module's page (the assessment's home, result and review screens); the action
 * plan module implements it. What the caller may see and do is decided inside: the components hide themselves from
 * anyone who may not read the plan.
 */
public interface ActionPlanExtension {

    /**
     * The facility's plan as a panel, and 「行動計画に追加」 for the practices recommended on the page.
     *
     * @param roundId the round the page shows, remembered on actions added from it (null: none)
     */
    PlanOnPage plan(long facilityId, @Nullable Long roundId);

    /** The actions still open from last time, to settle in a reassessment's review; hidden when none is open. */
    Component followUp(long facilityId);

    /**
     * @param panel     the plan (not visible for a caller who may not read it)
     * @param addToPlan opens the dialog for a recommended practice and refreshes {@code panel} once it is saved; null
     *                  when the caller may not edit the plan (no button then)
     */
    record PlanOnPage(Component panel, @Nullable Consumer<PracticeToPlan> addToPlan) {
    }

    /**
     * A recommended practice to turn into an action: the role of its group (a role code), the practice's place in
     * the case library, and its title as a first draft of what to do.
     */
    record PracticeToPlan(String roleCode, String caseNumber, int practiceNumber, String title) {
    }
}
