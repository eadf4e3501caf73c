package jp.kakaritsuke.facility.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.base.ui.CopyableText;
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

/**
 * A facility's people page as an editor and a viewer use it: inviting (every problem at once; the link from the
 * configured public address with copy buttons), revoking and resending with confirmation, changing roles, removing,
 * leaving, and the refusal to leave the facility without an editor.
 */
@SpringBootTest
class FacilityMembersViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    FacilityService facilities;

    @Autowired
    PublicLinks links;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void anEditorInvitesInPersonThenResendsAndRevokes() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        FacilityMembersView view = navigate(FacilityMembersView.class, clinic.id());
        assertThat(view.editorSection.isVisible()).isTrue();
        // editors may invite editors too
        assertThat(view.role.getListDataView().getItems().toList()).containsExactly(MemberRole.EDITOR, MemberRole.VIEWER);

        // every problem at once, each at its field; what was typed stays
        test(view.inviteeName).setValue("=HYPERLINK()");
        test(view.inviteeEmail).setValue("not an address");
        test(view.invite).click();
        assertThat(view.inviteeName.isInvalid()).isTrue();
        assertThat(view.inviteeEmail.isInvalid()).isTrue();
        assertThat(view.inviteeEmail.getErrorMessage()).isEqualTo("メールアドレスの形式が正しくありません(例: sensei@example.jp)");
        assertThat(view.inviteeEmail.getValue()).isEqualTo("not an address");
        assertThat(invitations.list(clinic.id())).hasSize(1); // the editor's own, accepted

        // without an address: handed over in person, the link from app.public-url (never the browser's Origin)
        test(view.inviteeName).setValue("事務長 田中");
        test(view.inviteeEmail).setValue("");
        test(view.invite).click();
        assertThat(view.inviteeName.isInvalid()).isFalse();
        assertThat(view.inviteeEmail.isInvalid()).isFalse();
        assertThat(view.inviteeName.getValue()).isEmpty();
        List<CopyableText> copyable = issued(view);
        String code = copyable.get(1).getValue();
        assertThat(copyable.get(0).getValue()).isEqualTo(links.base() + "/invite/" + code);
        assertThat(view.issued.getElement().getTextRecursively()).contains("事務長 田中").contains("直接お伝えください");
        assertThat(test(view.pending).getCellText(0, 1)).isEqualTo("(直接手渡し)");
        assertThat(test(view.pending).getCellText(0, 3)).isEqualTo("有効");

        // resend: a new code, the old one dead
        click(test(view.pending).getCellComponent(0, 5), "再送");
        assertThat(view.resendDialog.isOpened()).isTrue();
        assertThat(view.resendEmail.getValue()).isEmpty();
        test(view.resendEmail).setValue("typo@@example.jp");
        test(view.resendConfirm).click();
        assertThat(view.resendDialog.isOpened()).isTrue();
        assertThat(view.resendEmail.isInvalid()).isTrue();
        test(view.resendEmail).setValue("");
        test(view.resendConfirm).click();
        assertThat(view.resendDialog.isOpened()).isFalse();
        String newCode = issued(view).get(1).getValue();
        assertThat(newCode).isNotEqualTo(code);
        assertThat(invitations.lookup(code)).isEmpty();
        assertThat(invitations.lookup(newCode)).isPresent();

        // revoke, after confirming; cancelling changes nothing
        click(test(view.pending).getCellComponent(0, 5), "取り消す");
        test($(ConfirmDialog.class).first()).cancel();
        assertThat(invitations.lookup(newCode)).isPresent();
        click(test(view.pending).getCellComponent(0, 5), "取り消す");
        ConfirmDialog confirm = $(ConfirmDialog.class).last();
        assertThat(test(confirm).getText()).contains("事務長 田中");
        test(confirm).confirm();
        assertThat(invitations.lookup(newCode)).isEmpty();
        assertThat(test(view.pending).getCellText(0, 3)).isEqualTo("取り消し済み");
        assertThat(buttons(test(view.pending).getCellComponent(0, 5))).isEmpty();
        assertThat(view.issued.getChildren()).isEmpty();
    }

    @Test
    void editorsChangeRolesAndRemovePeopleButTheLastEditorStaysAndViewersLeave() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        FacilityMembersView view = navigate(FacilityMembersView.class, clinic.id());
        assertThat(test(view.members).size()).isEqualTo(2);
        // row 0 the viewer (joined first), row 1 the editor (me): no "remove" for oneself, 「外れる」 instead
        assertThat(buttonTexts(test(view.members).getCellComponent(0, 3))).containsExactly("編集者にする", "メンバーから外す");
        assertThat(buttonTexts(test(view.members).getCellComponent(1, 3))).containsExactly("閲覧者にする");
        assertThat(view.leave.isVisible()).isTrue();

        // the only editor cannot step down: said, nothing changes
        click(test(view.members).getCellComponent(1, 3), "閲覧者にする");
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(notifications()).contains("施設には編集者が少なくとも1人必要です。先にほかの方を編集者にするか、編集者を招待してください。");
        assertThat(test(view.members).getCellText(1, 1)).isEqualTo("編集者 (回答を入力)");

        // make the viewer an editor, then step down
        click(test(view.members).getCellComponent(0, 3), "編集者にする");
        ConfirmDialog confirm = $(ConfirmDialog.class).last();
        assertThat(test(confirm).getText()).contains("編集者にしますか");
        test(confirm).confirm();
        assertThat(test(view.members).getCellText(0, 1)).isEqualTo("編集者 (回答を入力)");
        click(test(view.members).getCellComponent(1, 3), "閲覧者にする");
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(test(view.members).getCellText(1, 1)).isEqualTo("閲覧者 (閲覧・出力)");
        // as a viewer now, the page has no management left for me
        assertThat(view.editorSection.isVisible()).isFalse();
        assertThat(buttons(test(view.members).getCellComponent(0, 3))).isEmpty();

        // and leave, after confirming: back to the start
        test(view.leave).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(getCurrentView()).isNotInstanceOf(FacilityMembersView.class);
        Fixtures.as(editor);
        assertThat(facilities.visibleFacilities()).isEmpty();

        // the remaining editor removes someone, after confirming
        String newcomer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.as(viewer);
        view = navigate(FacilityMembersView.class, clinic.id());
        assertThat(test(view.members).getCellText(1, 0)).isEqualTo("テスト " + newcomer);
        click(test(view.members).getCellComponent(1, 3), "メンバーから外す");
        confirm = $(ConfirmDialog.class).last();
        assertThat(test(confirm).getText()).contains("テスト " + newcomer).contains(clinic.name());
        test(confirm).confirm();
        assertThat(test(view.members).size()).isEqualTo(1);
    }

    private List<CopyableText> issued(FacilityMembersView view) {
        return view.issued.getChildren().filter(CopyableText.class::isInstance).map(CopyableText.class::cast).toList();
    }

    private List<Button> buttons(Component actions) {
        return actions.getChildren().filter(Button.class::isInstance).map(Button.class::cast).toList();
    }

    private List<String> buttonTexts(Component actions) {
        return buttons(actions).stream().map(Button::getText).toList();
    }

    private void click(Component actions, String text) {
        test(buttons(actions).stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow()).click();
    }

    private List<String> notifications() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
