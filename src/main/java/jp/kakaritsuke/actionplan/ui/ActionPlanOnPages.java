package jp.kakaritsuke.actionplan.ui;

import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The action plan on the assessment's pages (extension point {@link ActionPlanExtension}). */
@Component
class ActionPlanOnPages implements ActionPlanExtension {

    private final ActionPlanService plans;
    private final CaseLibraryService caseLibrary;

    ActionPlanOnPages(ActionPlanService plans, CaseLibraryService caseLibrary) {
        this.plans = plans;
        this.caseLibrary = caseLibrary;
    }

    @Override
    public PlanOnPage plan(long facilityId, @Nullable Long roundId) {
        // the plan is the facility's own: the panel hides itself from a consenting association, and only editors add
        ActionPlanPanel panel = new ActionPlanPanel(plans, caseLibrary.library(), facilityId);
        return new PlanOnPage(panel, plans.canEdit(facilityId)
                ? ActionDialog.fromRecommendation(facilityId, roundId, panel::refresh)
                : null);
    }

    @Override
    public com.vaadin.flow.component.Component followUp(long facilityId) {
        return new ActionFollowUp(plans, caseLibrary.library(), facilityId);
    }
}
