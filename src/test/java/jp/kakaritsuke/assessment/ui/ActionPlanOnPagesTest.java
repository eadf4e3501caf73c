package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import jp.kakaritsuke.actionplan.service.ActionInput;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.actionplan.ui.ActionPlanPanel;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The action plan on the facility home and the result page (issue 11): there for the facility's people, absent for
 * the association that reads the result through the facility's consent.
 */
@SpringBootTest
class ActionPlanOnPagesTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionPlanService plans;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void thePlanShowsToTheFacilityAndNotToItsAssociation() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        long round = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        plans.add(clinic.id(), new ActionInput(RoleCode.HOME_CARE, null, round, "院内の連絡網を見直す", null, null, null));
        Fixtures.asAdmin();
        long association = associations.create("行動計画画面 医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        associations.addFacility(association, clinic.id());
        String staff = fixtures.associationAdmin(association);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);

        Fixtures.as(editor);
        navigate(AssessmentHomeView.class);
        ActionPlanPanel home = find(ActionPlanPanel.class).single();
        assertThat(home.isVisible()).isTrue();
        assertThat(find(ListItem.class).withClassName("action-card").single().getElement().getTextRecursively())
                .contains("院内の連絡網を見直す");

        Fixtures.as(viewer);
        navigate(RoleProfileView.class, round);
        assertThat(find(ActionPlanPanel.class).single().isVisible()).isTrue();
        assertThat(find(ListItem.class).withClassName("action-card").exists()).isTrue();

        Fixtures.as(staff);
        RoleProfileView page = navigate(RoleProfileView.class, round);
        assertThat(page.recommendationPanel).isNotNull(); // the result itself is shown to the association
        assertThat(page.getChildren().filter(ActionPlanPanel.class::isInstance).map(c -> c.isVisible()).toList())
                .containsExactly(false);
        assertThat(find(ActionPlanPanel.class).exists()).isFalse();
        assertThat(find(ListItem.class).withClassName("action-card").exists()).isFalse();
    }
}
