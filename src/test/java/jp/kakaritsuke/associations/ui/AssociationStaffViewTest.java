package jp.kakaritsuke.associations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouterLink;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RollupService;
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
        String issued = view.issued.getElement().getTextRecursively();
        Matcher m = CODE.matcher(issued);
        assertThat(m.find()).isTrue();
        String code = m.group();
        assertThat(issued).contains("新潟 事務局 佐藤").contains("/association-invite/" + code);
        assertThat(test(view.invitations).getCellText(0, 4)).isEqualTo("未使用");

        // the colleague opens the link without an account
        Fixtures.anonymous();
        AssociationInvitationAcceptView accept = navigate("association-invite/" + code, AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).contains("新潟 事務局 佐藤").contains("新潟県医師会");
        String colleague = "niigata" + System.nanoTime();
        test(accept.account.username).setValue(colleague);
        test(accept.account.displayName).setValue("佐藤");
        test(accept.account.password).setValue(Fixtures.PASSWORD);
        test(accept.account.confirm).setValue(Fixtures.PASSWORD + "x");
        test(accept.accept).click();
        assertThat(accept.account.confirm.isInvalid()).isTrue();
        test(accept.account.confirm).setValue(Fixtures.PASSWORD);
        test(accept.accept).click();
        assertThat(accept.getElement().getTextRecursively()).contains("医師会の管理者になりました");
        Fixtures.as(colleague);
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(pref);

        // back with the first administrator: accepted, and the colleague can be removed after confirming
        Fixtures.as(staff);
        view = navigate(AssociationStaffView.class, pref);
        assertThat(test(view.invitations).getCellText(0, 4)).isEqualTo("受諾済み");
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
        Matcher m = CODE.matcher(view.issued.getElement().getTextRecursively());
        assertThat(m.find()).isTrue();
        String revoked = m.group();
        test((Button) test(view.invitations).getCellComponent(0, 5)).click();
        assertThat(test(view.invitations).getCellText(0, 4)).isEqualTo("取り消し");
        assertThat(test(view.invitations).getCellComponent(0, 5).isVisible()).isFalse();

        test(view.inviteeName).setValue("長野 理事");
        test(view.invite).click();
        m = CODE.matcher(view.issued.getElement().getTextRecursively());
        assertThat(m.find()).isTrue();
        String good = m.group();

        // a clinic director already has an account: logged in, they accept with it
        String director = fixtures.member(fixtures.facility(FacilityType.CLINIC), MemberRole.EDITOR);
        Fixtures.as(director);
        AssociationInvitationAcceptView accept = navigate("association-invite/" + revoked, AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).isEqualTo("この招待コードは無効か、使用済み、または期限切れです");
        test(accept.acceptAsCurrent).click();
        assertThat(accept.code.isInvalid()).isTrue();
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

    /** English is selectable here too: the staff page and the invitation page read in English, built-in texts included. */
    @Test
    void theStaffPagesReadInEnglish() {
        Fixtures.asAdmin();
        long pref = admin.create("青森県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "青森県", null);
        fixtures.associationAdmin(pref);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        AssociationStaffView view = navigate(AssociationStaffView.class, pref);
        assertThat(view.invite.getText()).isEqualTo("Issue invitation code");
        test(view.invite).click();
        assertThat(view.inviteeName.getErrorMessage()).isEqualTo("Enter the name of the person you invite (at most 200 characters)");
        assertThat(test(view.invitations).getHeaderCell(1)).isEqualTo("Issued by");

        Fixtures.anonymous();
        AssociationInvitationAcceptView accept = navigate("association-invite/NOPE", AssociationInvitationAcceptView.class);
        assertThat(accept.message.getText()).isEqualTo("This invitation code is invalid, already used or expired");
        assertThat(accept.account.password.getHelperText()).isEqualTo("15 to 64 characters. Not your user name nor a common password; a long sentence you remember is best");
    }
}
