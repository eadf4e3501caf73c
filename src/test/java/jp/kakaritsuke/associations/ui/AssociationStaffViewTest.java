package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouterLink;
import java.util.regex.Pattern;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.ui.CopyableText;
import jp.kakaritsuke.facility.domain.FacilityType;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The staff screens as association staff use them: invite a colleague (code shown once), the colleague accepts on the
 * invitation page, revoke, remove with confirmation; and a 都道府県医師会 adds a 郡市区医師会 from the list.
 */
@SpringBootTest
class AssociationStaffViewTest extends SpringBrowserlessTest {

    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    RollupService rollups;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void staffInviteAColleagueWhoAcceptsAndIsThenRemoved() {
        Fixtures.asAdmin();
        long pref = admin.create("新潟県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "新潟県", null);
        String staff = fixtures.associationAdmin(pref);

        AssociationStaffView view = navigate(AssociationStaffView.class, pref);
        assertThat(test(view.administrators).size()).isEqualTo(1);
        // nobody is offered to remove themselves
        assertThat(test(view.administrators).getCellComponent(0, 3).isVisible()).isFalse();
        test(view.invite).click();
        assertThat(view.inviteeName.isInvalid()).isTrue();
        assertThat(view.inviteeName.getErrorMessage()).isEqualTo("招待する方の氏名を入力してください (200文字以内)");

        test(view.inviteeName).setValue("新潟 事務局 佐藤");
        test(view.invite).click();
        String code = issuedCode(view);
        assertThat(view.issued.getElement().getTextRecursively()).contains("新潟 事務局 佐藤");
        // the link comes from app.public-url, with a copy button (not from the request's Origin)
        assertThat(copyable(view, 0)).endsWith("/association-invite/" + code).startsWith("http");
        assertThat(view.inviteeName.isInvalid()).isFalse();
        assertThat(test(view.invitations).getCellText(0, 5)).isEqualTo("未使用");
        assertThat(test(view.invitations).getCellText(0, 1)).isEqualTo("(直接手渡し)");

        // the colleague opens the link without an account
        Fixtures.anonymous();
        AssociationInvitationAcceptView accept = navigate("association-invite/" + code, AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).contains("新潟 事務局 佐藤").contains("新潟県医師会");
        // the name the invitation was made for is filled in; no address was given, so that one is empty
        assertThat(accept.account.displayName.getValue()).isEqualTo("新潟 事務局 佐藤");
        assertThat(accept.account.email.getValue()).isEmpty();
        String colleague = "niigata" + System.nanoTime();
        test(accept.account.username).setValue(colleague);
        test(accept.account.displayName).setValue("佐藤");
        test(accept.account.password).setValue(Fixtures.PASSWORD);
        test(accept.account.confirm).setValue(Fixtures.PASSWORD + "x");
        test(accept.accept).click();
        // every problem at once: the missing address and the second password; what was typed stays
        assertThat(accept.account.confirm.isInvalid()).isTrue();
        assertThat(accept.account.email.isInvalid()).isTrue();
        assertThat(accept.account.username.isInvalid()).isFalse();
        assertThat(accept.account.username.getValue()).isEqualTo(colleague);
        test(accept.account.email).setValue(Fixtures.mail(colleague));
        test(accept.account.confirm).setValue(Fixtures.PASSWORD);
        test(accept.accept).click();
        assertThat(accept.getElement().getTextRecursively()).contains("医師会の管理者になりました");
        Fixtures.as(colleague);
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(pref);

        // back with the first administrator: accepted, and the colleague can be removed after confirming
        Fixtures.as(staff);
        view = navigate(AssociationStaffView.class, pref);
        assertThat(test(view.invitations).getCellText(0, 5)).isEqualTo("受諾済み");
        assertThat(test(view.administrators).size()).isEqualTo(2);
        Button remove = (Button) test(view.administrators).getCellComponent(1, 3);
        assertThat(remove.isVisible()).isTrue();
        test(remove).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).first();
        assertThat(test(confirm).getText()).contains("佐藤");
        test(confirm).confirm();
        assertThat(test(view.administrators).size()).isEqualTo(1);
        Fixtures.as(colleague);
        assertThat(rollups.visibleAssociations()).isEmpty();
        // a bookmark to the association's pages no longer opens them: the service answers "not found", as for an
        // association that does not exist (issue 10; the error page for it is another change's)
        com.vaadin.flow.component.UI.getCurrent().navigate("associations/rollup/" + pref);
        assertThat(getCurrentView()).isNotInstanceOf(AssociationRollupView.class);
        com.vaadin.flow.component.UI.getCurrent().navigate("associations/staff/" + pref);
        assertThat(getCurrentView()).isNotInstanceOf(AssociationStaffView.class);
    }

    @Test
    void aRevokedCodeIsRefusedOnTheInvitationPageAndAnExistingAccountCanAccept() {
        Fixtures.asAdmin();
        long pref = admin.create("長野県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "長野県", null);
        fixtures.associationAdmin(pref);
        AssociationStaffView view = navigate(AssociationStaffView.class, pref);
        test(view.inviteeName).setValue("誤送信");
        test(view.invite).click();
        String revoked = issuedCode(view);
        test(action(view, 0, 1)).click();
        // confirmed first: cancelling changes nothing
        test($(ConfirmDialog.class).first()).cancel();
        assertThat(test(view.invitations).getCellText(0, 5)).isEqualTo("未使用");
        test(action(view, 0, 1)).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(test(view.invitations).getCellText(0, 5)).isEqualTo("取り消し");
        assertThat(action(view, 0, 1).isVisible()).isFalse();
        assertThat(action(view, 0, 0).isVisible()).isFalse(); // no resend of a revoked invitation

        test(view.inviteeName).setValue("長野 理事");
        test(view.invite).click();
        String lost = issuedCode(view);
        // the code got lost: resend (confirmed) issues a new one, and the old one is dead
        test(action(view, 0, 0)).click();
        test($(ConfirmDialog.class).last()).confirm();
        String good = issuedCode(view);
        assertThat(good).isNotEqualTo(lost);

        // a clinic director already has an account: logged in, they accept with it
        String director = fixtures.member(fixtures.facility(FacilityType.CLINIC), MemberRole.EDITOR);
        Fixtures.as(director);
        AssociationInvitationAcceptView accept = navigate("association-invite/" + revoked, AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).isEqualTo("この招待コードは無効か、使用済み、または期限切れです");
        test(accept.acceptAsCurrent).click();
        assertThat(accept.code.isInvalid()).isTrue();
        accept = navigate("association-invite/" + lost, AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).isEqualTo("この招待コードは無効か、使用済み、または期限切れです");
        accept = navigate("association-invite/" + good, AssociationInvitationAcceptView.class);
        assertThat(accept.account.getParent()).isEmpty(); // no new-account form when logged in
        test(accept.acceptAsCurrent).click();
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(pref);
    }

    @Test
    void aPrefecturalAssociationAddsACityAssociationFromTheList() {
        Fixtures.asAdmin();
        String prefName = "富山県医師会 " + System.nanoTime();
        long pref = admin.create(prefName, AssociationLevel.PREFECTURAL, "富山県", null);
        fixtures.associationAdmin(pref);

        AssociationListView list = navigate(AssociationListView.class);
        assertThat(test(list.grid).size()).isEqualTo(1);
        assertThat(((RouterLink) test(list.grid).getCellComponent(0, 3)).getHref()).isEqualTo("associations/staff/" + pref);
        // the parent is preselected, with the level below it and its prefecture
        assertThat(list.parent.getValue().id()).isEqualTo(pref);
        assertThat(list.level.getValue()).isEqualTo(AssociationLevel.MUNICIPAL);
        assertThat(list.prefecture.getValue()).isEqualTo("富山県");
        assertThat(list.parent.isClearButtonVisible()).isFalse();

        test(list.add).click();
        assertThat(list.name.isInvalid()).isTrue();
        assertThat(test(list.grid).size()).isEqualTo(1);
        test(list.name).setValue("高岡市医師会");
        test(list.add).click();
        assertThat(list.name.isInvalid()).isFalse();
        assertThat(test(list.grid).size()).isEqualTo(2);
        assertThat(list.add.isEnabled()).isTrue();
    }

    /** The code shown after inviting (the second copyable field; the first is the link). */
    private String issuedCode(AssociationStaffView view) {
        String code = copyable(view, 1);
        assertThat(code).matches(CODE);
        return code;
    }

    static String copyable(AssociationStaffView view, int index) {
        return view.issued.getChildren().filter(CopyableText.class::isInstance).map(CopyableText.class::cast)
                .toList().get(index).getValue();
    }

    /** A button in the invitations' action cell: 0 resend, 1 revoke. */
    private Button action(AssociationStaffView view, int row, int index) {
        return (Button) test(view.invitations).getCellComponent(row, 6).getChildren().toList().get(index);
    }

    /** English is selectable here too: the staff page and the invitation page read in English, built-in texts included. */
    @Test
    void theStaffPagesReadInEnglish() {
        Fixtures.asAdmin();
        long pref = admin.create("青森県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "青森県", null);
        fixtures.associationAdmin(pref);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        AssociationStaffView view = navigate(AssociationStaffView.class, pref);
        assertThat(view.invite.getText()).isEqualTo("Invite");
        test(view.invite).click();
        assertThat(view.inviteeName.getErrorMessage()).isEqualTo("Enter the name of the person you invite (at most 200 characters)");
        assertThat(test(view.invitations).getHeaderCell(2)).isEqualTo("Issued by");
        assertThat(test(view.members).getHeaderCell(0)).isEqualTo("Facility");

        Fixtures.anonymous();
        AssociationInvitationAcceptView accept = navigate("association-invite/NOPE", AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).isEqualTo("This invitation code is invalid, already used or expired");
        assertThat(accept.account.password.getHelperText()).isEqualTo("15 to 64 characters. Not your user name nor a common password; a long sentence you remember is best");
    }
}
