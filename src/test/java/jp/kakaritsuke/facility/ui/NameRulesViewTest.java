package jp.kakaritsuke.facility.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The views show the names rule's message at the field (the same keys the services answer with). */
@SpringBootTest
class NameRulesViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    FacilityService facilities;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theFacilityFormShowsNulRloAndFormulasAtTheirFields() {
        Fixtures.asAdmin();
        FacilityAdminView view = navigate(FacilityAdminView.class);
        test(view.register).click();
        int before = facilities.visibleFacilities().size();
        view.form.name.setValue("柏\u0000クリニック");
        view.form.type.setValue(FacilityKind.CLINIC);
        view.form.prefecture.setValue("千葉県");
        view.form.municipality.setValue("-柏市");
        test(view.create).click();
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).isEqualTo("施設名に制御文字や見えない書式文字 (NUL、文字の向きを変えるRLOなど) は使えません");
        assertThat(view.form.municipality.isInvalid()).isTrue();
        assertThat(view.form.municipality.getErrorMessage()).startsWith("市区町村の先頭に = + - @");
        view.form.name.setValue("柏\u202Eクリニック");
        test(view.create).click();
        assertThat(view.form.name.getErrorMessage()).contains("RLO");
        assertThat(facilities.visibleFacilities()).hasSize(before);
        // what the user typed is still there to fix
        assertThat(view.form.municipality.getValue()).isEqualTo("-柏市");
    }

    @Test
    void theInvitationPageShowsAnRloDisplayNameAtItsField() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        Fixtures.asAdmin();
        String code = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 山本").code();
        Fixtures.anonymous();
        InvitationAcceptView view = navigate("invite/" + code, InvitationAcceptView.class);
        view.account.username.setValue("yamamoto.rlo" + System.nanoTime() % 100000);
        view.account.displayName.setValue("山本\u202E");
        view.account.password.setValue(Fixtures.PASSWORD);
        view.account.confirm.setValue(Fixtures.PASSWORD);
        test(view.accept).click();
        assertThat(view.account.displayName.isInvalid()).isTrue();
        assertThat(view.account.displayName.getErrorMessage()).isEqualTo("氏名に制御文字や見えない書式文字 (NUL、文字の向きを変えるRLOなど) は使えません");
    }
}
