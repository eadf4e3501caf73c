package jp.kakaritsuke.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After login each user starts at their own work: the self-assessment, the association rollups, 施設管理 for the
 * administrator, or the matrix.
 */
@SpringBootTest
class StartViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    jp.kakaritsuke.facility.service.FacilityService facilities;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void eachUserStartsAtTheirOwnWork() {
        fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        navigate("start", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AssessmentHomeView");

        Fixtures.asAdmin();
        long pref = admin.create("山梨県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "山梨県", null);
        // association staff without a facility of their own (Fixtures makes them viewers of an office: take that away)
        String staffUser = fixtures.associationAdmin(pref);
        jdbc.sql("DELETE FROM facility_member WHERE user_id = (SELECT id FROM app_user WHERE username = ?)").param(staffUser).update();
        Fixtures.as(staffUser);
        navigate("start", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AssociationListView");

        Fixtures.asAdmin();
        navigate("start", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("FacilityAdminView");

        // someone with neither (a facility member who left)
        var clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.VIEWER); // leaves the security context as that member
        facilities.leave(clinic.id());
        navigate("start", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CaseMatrixView");
    }
}
