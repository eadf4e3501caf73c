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
import jp.kakaritsuke.base.FacilityKind;
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
        String director = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
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
        // issue 13: each row names its parent (the new city association sits under the prefecture's)
        assertThat(test(list.grid).getCellText(1, 4)).isEqualTo(prefName);
        assertThat(test(list.grid).getCellText(0, 4)).isEmpty();
    }

    /**
     * Issue 13: the national association's staff rename a city association (confirmed; a rename by someone else in
     * between is said and the typed name kept), move it to the other 静岡県 association, and manage its members.
     */
    @Test
    void anAssociationIsRenamedMovedAndItsMembersManagedFromItsPage() {
        Fixtures.asAdmin();
        String suffix = " " + System.nanoTime();
        long national = admin.create("日本医師会" + suffix, AssociationLevel.NATIONAL, "東京都", null);
        long prefA = admin.create("静岡県医師会" + suffix, AssociationLevel.PREFECTURAL, "静岡県", national);
        long prefB = admin.create("静岡県医師会 (新)" + suffix, AssociationLevel.PREFECTURAL, "静岡県", national);
        long city = admin.create("磐田市医師会" + suffix, AssociationLevel.MUNICIPAL, "静岡県", prefA);
        var imported = fixtures.facility(FacilityKind.CLINIC);
        var other = fixtures.facility(FacilityKind.HOSPITAL);
        Fixtures.asAdmin();
        admin.addFacility(city, imported.id());
        admin.addFacility(city, other.id());
        fixtures.associationAdmin(national);

        AssociationStaffView view = navigate(AssociationStaffView.class, city);
        assertThat(view.title.getText()).isEqualTo("磐田市医師会" + suffix + ": 管理");
        assertThat(view.place.getText()).isEqualTo("上位の医師会: 静岡県医師会" + suffix);

        // the name rule before any dialog; nothing is asked, nothing changes
        test(view.name).setValue(" ");
        test(view.rename).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat($(ConfirmDialog.class).all()).isEmpty();

        test(view.name).setValue("磐田市医師会 (改称)");
        test(view.rename).click();
        assertThat(view.name.isInvalid()).isFalse();
        ConfirmDialog confirm = $(ConfirmDialog.class).last();
        assertThat(test(confirm).getText()).contains("磐田市医師会 (改称)");
        test(confirm).confirm();
        assertThat(view.title.getText()).isEqualTo("磐田市医師会 (改称): 管理");

        // someone renames it meanwhile: the page says so, shows theirs, and keeps what this user typed
        long version = admin.settings(city).version();
        admin.rename(city, version, "磐田医師会");
        test(view.name).setValue("磐田市医師会 (再)");
        test(view.rename).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(view.title.getText()).isEqualTo("磐田医師会: 管理");
        assertThat(view.name.getValue()).isEqualTo("磐田市医師会 (再)");
        assertThat(name(city)).isEqualTo("磐田医師会");
        // the second try, on the fresh version, goes through
        test(view.rename).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(name(city)).isEqualTo("磐田市医師会 (再)");

        // move: only the other 静岡県 association is offered
        assertThat(view.moveForm.isVisible()).isTrue();
        test(view.move).click();
        assertThat(view.parent.isInvalid()).isTrue();
        test(view.parent).selectItem("静岡県医師会 (新)" + suffix);
        test(view.move).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(view.place.getText()).isEqualTo("上位の医師会: 静岡県医師会 (新)" + suffix);
        assertThat(parent(city)).isEqualTo(prefB);

        // members: move one to another association after choosing it in the dialog, remove the other after confirming
        assertThat(test(view.members).size()).isEqualTo(2);
        int row = rowOf(view, imported.name());
        test((Button) test(view.members).getCellComponent(row, 4).getChildren().toList().get(0)).click();
        com.vaadin.flow.component.dialog.Dialog dialog = $(com.vaadin.flow.component.dialog.Dialog.class).last();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<jp.kakaritsuke.associations.domain.Association> target =
                $(com.vaadin.flow.component.combobox.ComboBox.class).from(dialog).first();
        Button moveButton = $(Button.class).from(dialog).withText("移す").first();
        assertThat(moveButton.isEnabled()).isFalse();
        test(target).selectItem("静岡県医師会" + suffix);
        test(moveButton).click();
        assertThat(test(view.members).size()).isEqualTo(1);
        assertThat(memberships(imported.id())).containsExactly(prefA);

        test((Button) test(view.members).getCellComponent(0, 4).getChildren().toList().get(1)).click();
        ConfirmDialog removal = $(ConfirmDialog.class).last();
        assertThat(test(removal).getText()).contains(other.name());
        test(removal).confirm();
        assertThat(test(view.members).size()).isZero();
        assertThat(memberships(other.id())).isEmpty();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    jp.kakaritsuke.testsupport.TestMailbox mailbox;

    /**
     * Issue 13: invited by mail from the page; the invitee follows the link from the received mail to a form with
     * their name and address filled in, and only sets a user name and a password. A resend from the page kills the
     * first link.
     */
    @Test
    void anInviteeFollowsTheLinkFromTheMailToAPreFilledForm() {
        Fixtures.asAdmin();
        long pref = admin.create("山梨県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "山梨県", null);
        fixtures.associationAdmin(pref);
        String address = "kofu" + System.nanoTime() + "@example.jp";

        AssociationStaffView view = navigate(AssociationStaffView.class, pref);
        test(view.inviteeName).setValue("甲府 事務局 望月");
        test(view.inviteeEmail).setValue("not-an-address");
        test(view.invite).click();
        assertThat(view.inviteeEmail.isInvalid()).isTrue();
        assertThat(view.inviteeEmail.getErrorMessage()).isEqualTo("メールアドレスの形式が正しくありません(例: sensei@example.jp)");
        assertThat(view.inviteeName.getValue()).isEqualTo("甲府 事務局 望月"); // nothing typed is lost
        test(view.inviteeEmail).setValue(address);
        test(view.invite).click();
        assertThat(view.inviteeEmail.isInvalid()).isFalse();
        assertThat(view.inviteeEmail.getValue()).isEmpty();
        assertThat(view.issued.getElement().getTextRecursively()).contains("甲府 事務局 望月").contains(address)
                .contains("メールを送信しました");
        assertThat(test(view.invitations).getCellText(0, 1)).isEqualTo(address);
        String firstCode = issuedCode(view);

        var mail = mailbox.awaitMail(address, jp.kakaritsuke.mail.service.MailKind.ASSOCIATION_INVITATION);
        assertThat(mail.path()).isEqualTo("association-invite/" + firstCode);
        // the link in the mail is the one the page shows to copy
        assertThat(mail.link().toString()).isEqualTo(copyable(view, 0));

        // resend from the page: a new mail, and the first link is dead
        test((Button) test(view.invitations).getCellComponent(0, 6).getChildren().toList().get(0)).click();
        ConfirmDialog resend = $(ConfirmDialog.class).last();
        assertThat(test(resend).getText()).contains(address);
        test(resend).confirm();
        var second = mailbox.awaitMail(address, jp.kakaritsuke.mail.service.MailKind.ASSOCIATION_INVITATION);
        assertThat(second.path()).isEqualTo("association-invite/" + issuedCode(view)).isNotEqualTo(mail.path());

        Fixtures.anonymous();
        AssociationInvitationAcceptView dead = navigate(mail.path(), AssociationInvitationAcceptView.class);
        assertThat(dead.message.getText()).isEqualTo("この招待コードは無効か、使用済み、または期限切れです");
        assertThat(dead.account.email.getValue()).isEmpty(); // a dead code fills in nothing

        AssociationInvitationAcceptView accept = navigate(second.path(), AssociationInvitationAcceptView.class);
        assertThat(accept.account.displayName.getValue()).isEqualTo("甲府 事務局 望月");
        assertThat(accept.account.email.getValue()).isEqualTo(address);
        String username = "kofu" + System.nanoTime();
        test(accept.account.username).setValue(username);
        test(accept.account.password).setValue(Fixtures.PASSWORD);
        test(accept.account.confirm).setValue(Fixtures.PASSWORD);
        test(accept.accept).click();
        assertThat(accept.getElement().getTextRecursively()).contains("医師会の管理者になりました");
        Fixtures.as(username);
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(pref);
    }

    private String name(long associationId) {
        return jdbc.sql("SELECT name FROM association WHERE id = ?").param(associationId).query(String.class).single();
    }

    private Long parent(long associationId) {
        return jdbc.sql("SELECT parent_id FROM association WHERE id = ?").param(associationId).query(Long.class).single();
    }

    private java.util.List<Long> memberships(long facilityId) {
        return jdbc.sql("SELECT association_id FROM association_facility WHERE facility_id = ?").param(facilityId)
                .query(Long.class).list();
    }

    private int rowOf(AssociationStaffView view, String facilityName) {
        for (int i = 0; i < test(view.members).size(); i++) {
            if (test(view.members).getCellText(i, 0).equals(facilityName)) {
                return i;
            }
        }
        throw new AssertionError(facilityName + " not listed");
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
