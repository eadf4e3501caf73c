package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Issue 10: the routes of a consenting member's draft and staff page do not open for its association's staff. */
@SpringBootTest
class AssociationPrivacyViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AssociationAdminService admin;
    @Autowired
    FacilityService facilities;
    @Autowired
    RoundService rounds;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theDraftAndTheStaffPageDoNotOpenForTheAssociation() {
        Fixtures.asAdmin();
        long pref = admin.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        long submitted = fixtures.submitRound(clinic.id(), r -> 2, r -> false);
        long draft = rounds.startRound(clinic.id()).summary().id();
        Fixtures.asAdmin();
        admin.addFacility(pref, clinic.id());
        String staff = fixtures.associationAdmin(pref);
        Fixtures.as(staff);

        UI.getCurrent().navigate("assessment/profile/" + submitted);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("RoleProfileView");
        UI.getCurrent().navigate("assessment/round/" + draft);
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("QuestionnaireView");
        UI.getCurrent().navigate("facility/" + clinic.id());
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("FacilityMembersView");
    }
}
