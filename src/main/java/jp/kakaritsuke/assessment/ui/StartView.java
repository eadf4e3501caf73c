package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.identity.service.UserAccountService;

/**
 * Where a login lands when no page was asked for (the login's default success URL): a facility's people go to their
 * self-assessment, an association's staff to their rollups, an administrator to 施設管理 (where their work starts:
 * registering facilities and inviting their people), everyone else to the case matrix. It lives here because
 * the assessment module is the one that knows both facilities and associations.
 */
@Route("start")
@PermitAll
class StartView extends Div implements BeforeEnterObserver {

    private final UserAccountService accounts;
    private final FacilityService facilities;
    private final RollupService rollups;

    StartView(UserAccountService accounts, FacilityService facilities, RollupService rollups) {
        this.accounts = accounts;
        this.facilities = facilities;
        this.rollups = rollups;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (accounts.requireCurrentUser().admin()) {
            event.forwardTo("admin/facilities");
        } else if (!facilities.visibleFacilities().isEmpty()) {
            event.forwardTo(AssessmentHomeView.class);
        } else if (!rollups.visibleAssociations().isEmpty()) {
            event.forwardTo("associations");
        } else {
            event.forwardTo("");
        }
    }
}
