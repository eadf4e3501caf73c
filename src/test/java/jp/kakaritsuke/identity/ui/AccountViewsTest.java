package jp.kakaritsuke.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import jp.kakaritsuke.base.ui.NewAccountForm;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pages of issue 13's identity part as their users meet them: the forgotten-password link on the login page, the
 * request page, a dead reset link, the account page's errors (all at once, none left after success), the
 * administrators' account list, and the shared new-account form.
 */
@SpringBootTest
class AccountViewsTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AppUserRepository users;

    @Autowired
    TestMailbox mailbox;

    static final String NEW_PASSWORD = "a-brand-new-passphrase-for-summer";

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void theLoginPageOffersTheForgottenPasswordPage() {
        LoginView login = navigate("login", LoginView.class);
        assertThat(login.form.isForgotPasswordButtonVisible()).isTrue();
        assertThat(login.i18n.getForm().getForgotPassword()).isEqualTo("パスワードを忘れた場合");
        ComponentUtil.fireEvent(login.form, new AbstractLogin.ForgotPasswordEvent(login.form, true));
        assertThat(getCurrentView()).isInstanceOf(ForgotPasswordView.class);
    }

    @Test
    void theRequestPageRefusesOnlyWhatIsNoAddressAndAnswersTheSameForAnyAddress() {
        ForgotPasswordView view = navigate("forgot-password", ForgotPasswordView.class);
        test(view.address).setValue("not an address");
        test(view.send).click();
        assertThat(view.address.isInvalid()).isTrue();
        assertThat(view.address.getErrorMessage()).isEqualTo("メールアドレスの形式が正しくありません(例: sensei@example.jp)");
        assertThat(view.sent.isVisible()).isFalse();

        // an address of nobody: the same words as for an account's (PasswordResetTest follows a real one)
        test(view.address).setValue("ｎｏｂｏｄｙ@example.jp");
        test(view.send).click();
        assertThat(view.address.isInvalid()).isFalse();
        assertThat(view.sent.isVisible()).isTrue();
        assertThat(view.sent.getText()).startsWith("nobody@example.jp がアカウントに登録されていれば、パスワード再設定のメールを送りました。")
                .contains("30分以内");
        assertThat(view.send.isVisible()).isFalse();
    }

    @Test
    void aLinkThatDoesNotWorkSaysSoAndOffersANewOne() {
        UI.getCurrent().navigate("reset-password/" + "A".repeat(43));
        ResetPasswordView view = (ResetPasswordView) getCurrentView();
        assertThat(view.getElement().getTextRecursively()).contains("このリンクは使えません").contains("再設定のメールをもう一度送る");
        assertThat(view.password.getParent()).isEmpty();
        UI.getCurrent().navigate("reset-password");
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("このリンクは使えません");
    }

    @Test
    void theAccountPageShowsEveryProblemAtOnceAndKeepsWhatWasTyped() {
        String user = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        AccountView view = navigate(AccountView.class);
        assertThat(view.summary.getText()).contains(user).contains(Fixtures.mail(user));
        assertThat(view.noAddress.isVisible()).isFalse();

        test(view.currentPassword).setValue("not-my-password-at-all");
        test(view.newPassword).setValue("password");
        test(view.confirm).setValue("something else");
        test(view.changePassword).click();
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("現在のパスワードが正しくありません");
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("パスワードは15文字以上にしてください");
        assertThat(view.confirm.isInvalid()).isTrue();
        assertThat(view.confirm.getErrorMessage()).isEqualTo("確認用のパスワードが一致しません");
        assertThat(view.newPassword.getValue()).isEqualTo("password");
        // the wrong current password counted as a failed login
        assertThat(users.findByUsername(user).orElseThrow().getFailedLogins()).isEqualTo(1);

        test(view.newEmail).setValue(Fixtures.mail(user));
        test(view.changeEmail).click();
        assertThat(view.newEmail.getErrorMessage()).isEqualTo("現在のメールアドレスと同じです");
        assertThat(view.emailPassword.getErrorMessage()).isEqualTo("現在のパスワードが正しくありません");
        String other = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.as(user);
        test(view.newEmail).setValue(Fixtures.mail(other));
        test(view.emailPassword).setValue(Fixtures.PASSWORD);
        test(view.changeEmail).click();
        assertThat(view.newEmail.getErrorMessage()).isEqualTo("このメールアドレスは別のアカウントで使われています");
        assertThat(view.emailPassword.isInvalid()).isFalse();
        assertThat(users.findByUsername(user).orElseThrow().getEmail()).isEqualTo(Fixtures.mail(user));
        // the right password ended the count
        assertThat(users.findByUsername(user).orElseThrow().getFailedLogins()).isZero();
    }

    @Test
    void theLinkFromTheMailOpensThePageThatSetsTheNewPasswordAndTheAccountPageChangesItAgainWithoutRed() {
        String user = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        ForgotPasswordView forgot = navigate("forgot-password", ForgotPasswordView.class);
        test(forgot.address).setValue(Fixtures.mail(user));
        test(forgot.send).click();
        TestMailbox.ReceivedMail mail = mailbox.awaitMail(Fixtures.mail(user), MailKind.PASSWORD_RESET);

        UI.getCurrent().navigate(mail.path());
        ResetPasswordView reset = (ResetPasswordView) getCurrentView();
        assertThat(reset.greeting.getText()).contains("テスト " + user).contains(user);
        test(reset.password).setValue("short");
        test(reset.confirm).setValue("other");
        test(reset.save).click();
        assertThat(reset.password.getErrorMessage()).isEqualTo("パスワードは15文字以上にしてください");
        assertThat(reset.confirm.getErrorMessage()).isEqualTo("確認用のパスワードが一致しません");
        test(reset.password).setValue(NEW_PASSWORD);
        test(reset.confirm).setValue(NEW_PASSWORD);
        test(reset.save).click();
        assertThat(reset.getElement().getTextRecursively()).contains("新しいパスワードを設定しました").contains(user);

        Fixtures.as(user);
        AccountView account = navigate(AccountView.class);
        test(account.currentPassword).setValue(NEW_PASSWORD);
        test(account.newPassword).setValue(NEW_PASSWORD + "-again");
        test(account.confirm).setValue(NEW_PASSWORD + "-again");
        test(account.changePassword).click();
        assertThat(List.of(account.currentPassword, account.newPassword, account.confirm))
                .allSatisfy(f -> {
                    assertThat(f.isInvalid()).isFalse();
                    assertThat(f.getValue()).isEmpty();
                });
        assertThat(mailbox.awaitMail(Fixtures.mail(user), MailKind.PASSWORD_CHANGED).body()).contains(user);
    }

    @Test
    void anAdministratorFindsAnAccountAndDisablesItAfterConfirming() {
        String user = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.asAdmin();
        AccountsAdminView view = navigate(AccountsAdminView.class);
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(2);
        test(view.search).setValue(user);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo(user);
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo(Fixtures.mail(user));
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("有効");

        Button disable = button(view, 0, "無効にする");
        assertThat(disable.getAriaLabel()).contains(user + " を無効にする");
        test(disable).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).first();
        assertThat(test(confirm).getText()).contains("テスト " + user).contains("ログインもAPIトークンも使えなくなり");
        // not before the confirmation
        assertThat(users.findByUsername(user).orElseThrow().isEnabled()).isTrue();
        test(confirm).confirm();
        assertThat(users.findByUsername(user).orElseThrow().isEnabled()).isFalse();
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("無効");
        assertThat(button(view, 0, "有効にする")).isNotNull();

        // the administrator's own row has no action that would lock them out
        test(view.search).setValue("admin");
        int own = -1;
        for (int row = 0; row < test(view.grid).size(); row++) {
            if (test(view.grid).getCellText(row, 0).equals("admin")) {
                own = row;
            }
        }
        assertThat(own).isNotNegative();
        assertThat(((HorizontalLayout) test(view.grid).getCellComponent(own, 4)).getChildren()).isEmpty();
        assertThat(test(view.grid).getCellText(own, 3)).contains("システム管理者");
    }

    @Test
    void theNewAccountFormShowsEveryProblemAtOnceAndNoneAfterAReset() {
        NewAccountForm form = new NewAccountForm(UserAccountService.MIN_PASSWORD_LENGTH, UserAccountService.MAX_PASSWORD_LENGTH);
        form.password.setValue("a");
        form.confirm.setValue("b");
        List<String> elsewhere = form.showErrors(List.of("account.error.username", "account.error.displayName",
                "email.error.invalid", "account.error.password", "account.error.mismatch", "invitation.error.invalid"));
        assertThat(elsewhere).containsExactly("invitation.error.invalid");
        assertThat(List.of(form.username.isInvalid(), form.displayName.isInvalid(), form.email.isInvalid(),
                form.password.isInvalid(), form.confirm.isInvalid())).containsOnly(true);
        assertThat(form.password.getErrorMessage()).isEqualTo("パスワードは15文字以上にしてください");
        assertThat(form.confirm.getErrorMessage()).isEqualTo("確認用のパスワードが一致しません");

        // a second submit shows only what is still wrong
        form.showErrors(List.of("account.error.taken"));
        assertThat(form.username.getErrorMessage()).isEqualTo("このユーザー名はすでに使われています");
        assertThat(List.of(form.displayName.isInvalid(), form.email.isInvalid(), form.password.isInvalid(),
                form.confirm.isInvalid())).containsOnly(false);

        form.reset();
        assertThat(List.of(form.username.isInvalid(), form.displayName.isInvalid(), form.email.isInvalid(),
                form.password.isInvalid(), form.confirm.isInvalid())).containsOnly(false);
        assertThat(form.username.getValue()).isEmpty();
        assertThat(form.password.getValue()).isEmpty();
    }

    private Button button(AccountsAdminView view, int row, String text) {
        return ((HorizontalLayout) test(view.grid).getCellComponent(row, 4)).getChildren()
                .map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }
}
