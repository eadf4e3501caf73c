package jp.kakaritsuke.actionplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionInput;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension.PracticeToPlan;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The plan panel, its dialog and the follow-up of a round, without a browser: editors change, viewers read, others see nothing. */
@SpringBootTest
class ActionPlanPanelTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionPlanService plans;

    @Autowired
    CaseLibraryService caseLibrary;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    private ActionPlanPanel panel(long facilityId) {
        ActionPlanPanel panel = new ActionPlanPanel(plans, caseLibrary.library(), facilityId);
        UI.getCurrent().add(panel);
        return panel;
    }

    @Test
    void anEditorAddsChangesAndDeletesAnAction() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        ActionPlanPanel panel = panel(clinic.id());
        assertThat(panel.isVisible()).isTrue();
        assertThat(find(ListItem.class).withClassName("action-empty").exists()).isTrue();

        test(panel.add).click();
        ActionDialog dialog = find(ActionDialog.class).single();
        test(dialog.role).selectItem("在宅医療");
        test(dialog.who).setValue("看護師長");
        test(dialog.save).click();
        // refused by the service's rule: shown on the field, the typed text kept, reported as not saved
        assertThat(dialog.what.isInvalid()).isTrue();
        assertThat(dialog.what.getErrorMessage()).isEqualTo("何をするかを入力してください");
        assertThat(dialog.saveStatus.getText()).isEqualTo("保存されていません");
        assertThat(dialog.who.getValue()).isEqualTo("看護師長");
        assertThat(plans.plan(clinic.id())).isEmpty();

        test(dialog.what).setValue("在宅患者の緊急連絡先カードを配る");
        dialog.due.setValue(LocalDate.of(2027, 3, 31));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(plans.plan(clinic.id())).singleElement().satisfies(i -> {
            assertThat(i.getRoleCode()).isEqualTo(RoleCode.HOME_CARE);
            assertThat(i.getWho()).isEqualTo("看護師長");
            assertThat(i.getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
        ListItem card = find(ListItem.class).withClassName("action-card").single();
        assertThat(card.getElement().getTextRecursively()).contains("在宅患者の緊急連絡先カードを配る", "在宅医療", "看護師長");

        test(find(Button.class).withClassName("action-edit").single()).click();
        ActionDialog edit = find(ActionDialog.class).withCondition(ActionDialog::isOpened).single();
        test(edit.status).selectItem("実施中");
        test(edit.save).click();
        assertThat(plans.plan(clinic.id()).getFirst().getStatus()).isEqualTo(ActionStatus.IN_PROGRESS);

        test(find(Button.class).withClassName("action-delete").single()).click();
        test(find(Button.class).withText("削除").withCondition(b -> !b.hasClassName("action-delete")).single()).click();
        assertThat(plans.plan(clinic.id())).isEmpty();
        assertThat(find(ListItem.class).withClassName("action-card").exists()).isFalse();
    }

    @Test
    void aViewerReadsAndOutsidersIncludingTheConsentedAssociationSeeNothing() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        plans.add(clinic.id(), new ActionInput(RoleCode.HOME_CARE, new SourceReference("17", 1), null, "夜間の連絡体制を決める", null, null, null));
        Fixtures.asAdmin();
        long association = associations.create("行動計画UI 医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        associations.addFacility(association, clinic.id());
        String staff = fixtures.associationAdmin(association);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);

        Fixtures.as(viewer);
        ActionPlanPanel read = panel(clinic.id());
        assertThat(read.add).isNull();
        ListItem card = find(ListItem.class).withClassName("action-card").single();
        assertThat(card.getElement().getTextRecursively()).contains("夜間の連絡体制を決める", "事例17");
        assertThat(find(Button.class).withClassName("action-edit").exists()).isFalse();
        assertThat(new ActionFollowUp(plans, caseLibrary.library(), clinic.id()).getChildren()
                .anyMatch(c -> c.getElement().getTextRecursively().contains("完了"))).isFalse();

        Fixtures.as(staff);
        ActionPlanPanel hidden = new ActionPlanPanel(plans, caseLibrary.library(), clinic.id());
        assertThat(hidden.isVisible()).isFalse();
        assertThat(hidden.items).isEmpty();
        assertThat(new ActionFollowUp(plans, caseLibrary.library(), clinic.id()).isVisible()).isFalse();
    }

    @Test
    void theFollowUpAsksAboutEachOpenAction() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        ActionItem a = plans.add(clinic.id(), new ActionInput(RoleCode.HOME_CARE, null, null, "一つ目", null, null, null));
        plans.add(clinic.id(), new ActionInput(RoleCode.END_OF_LIFE, null, null, "二つ目", null, null, null));
        ActionItem done = plans.add(clinic.id(), new ActionInput(RoleCode.END_OF_LIFE, null, null, "済んだもの", null, null, null));
        plans.setStatus(done.getId(), done.getVersion(), ActionStatus.DONE);

        ActionFollowUp followUp = new ActionFollowUp(plans, caseLibrary.library(), clinic.id());
        UI.getCurrent().add(followUp);
        assertThat(followUp.items).extracting(ActionItem::getWhat).containsExactly("一つ目", "二つ目");
        test(find(Button.class).withAttribute("aria-label", "「一つ目」を完了にする").single()).click();
        test(find(Button.class).withAttribute("aria-label", "「二つ目」を中止にする").single()).click();
        assertThat(plans.get(a.getId()).getStatus()).isEqualTo(ActionStatus.DONE);
        assertThat(plans.openActions(clinic.id())).isEmpty();
        // answered actions stay listed with the answer marked, so a slip can be corrected
        assertThat(find(Button.class).withAttribute("aria-label", "「一つ目」を完了にする").single()
                .getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test(find(Button.class).withAttribute("aria-label", "「二つ目」を継続にする").single()).click();
        assertThat(plans.openActions(clinic.id())).extracting(ActionItem::getWhat).containsExactly("二つ目");
    }

    @Test
    void aRecommendedPracticeOpensTheDialogWithItsSourceAndTitle() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        var practice = caseLibrary.library().caseStudy("17").orElseThrow().practices().getFirst();
        boolean[] saved = {false};
        ActionDialog.fromRecommendation(clinic.id(), null, () -> saved[0] = true)
                .accept(new PracticeToPlan("HOME_CARE", "17", practice.number(), practice.title()));
        ActionDialog dialog = find(ActionDialog.class).single();
        assertThat(dialog.role.getValue()).isEqualTo(RoleCode.HOME_CARE);
        assertThat(dialog.what.getValue()).isEqualTo(practice.title());
        test(dialog.save).click();
        assertThat(saved[0]).isTrue();
        assertThat(plans.plan(clinic.id())).singleElement()
                .satisfies(i -> assertThat(i.getPractice()).isEqualTo(new SourceReference("17", practice.number())));
    }
}
