package jp.kakaritsuke.facility.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The invitation page of a facility: each refusal shown at the field to fix (all at once), nothing used up until it
 * succeeds; the form starts with the invitee's name and address; a logged-in user joins with their account.
 */
@SpringBootTest
class InvitationAcceptViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void eachProblemIsShownAtItsFieldAndTheCodeWorksOnceFixed() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String taken = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.asAdmin();
        String code = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 山本").code();
        Fixtures.anonymous();

        InvitationAcceptView view = navigate("invite/" + code, InvitationAcceptView.class);
        assertThat(view.message.getText()).contains("理事 山本").contains(clinic.name());
        view.account.username.setValue(taken);
        view.account.displayName.setValue("山本");
        view.account.email.setValue(Fixtures.mail("yamamoto" + System.nanoTime()));
        view.account.password.setValue("short");
        view.account.confirm.setValue("shorter");
        test(view.accept).click();
        assertThat(view.account.confirm.isInvalid()).isTrue();
        assertThat(view.account.confirm.getErrorMessage()).isEqualTo("確認用のパスワードが一致しません");

        view.account.confirm.setValue("short");
        test(view.accept).click();
        assertThat(view.account.password.isInvalid()).isTrue();
        assertThat(view.account.password.getErrorMessage()).isEqualTo("パスワードは15文字以上にしてください");
        // at once with the other problem the service found
        assertThat(view.account.username.getErrorMessage()).isEqualTo("このユーザー名はすでに使われています");
        assertThat(view.account.confirm.isInvalid()).isFalse();

        // too long gets its own message (it used to say "at least 10 characters" for 201)
        String tooLong = "x".repeat(30) + "y".repeat(35);
        view.account.password.setValue(tooLong);
        view.account.confirm.setValue(tooLong);
        test(view.accept).click();
        assertThat(view.account.password.getErrorMessage()).isEqualTo("パスワードは64文字以内にしてください");

        view.account.password.setValue("qwertyuiop12345");
        view.account.confirm.setValue("qwertyuiop12345");
        test(view.accept).click();
        assertThat(view.account.password.getErrorMessage()).startsWith("このパスワードはよく使われていて");

        view.account.password.setValue(Fixtures.PASSWORD);
        view.account.confirm.setValue(Fixtures.PASSWORD);
        test(view.accept).click();
        assertThat(view.account.username.isInvalid()).isTrue();
        assertThat(view.account.username.getErrorMessage()).isEqualTo("このユーザー名はすでに使われています");

        // a wrong code is shown at the code field
        view.code.setValue("XXXX-XXXX-XXXX-XXXX");
        view.account.username.setValue("yamamoto" + System.nanoTime());
        test(view.accept).click();
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.message.getText()).isEqualTo("この招待コードは無効か、使用済み、または期限切れです");

        view.code.setValue(code);
        test(view.accept).click();
        assertThat(view.getElement().getTextRecursively()).contains("アカウントを作成しました");
        assertThat(invitations.lookup(code)).isEmpty();
    }

    @Test
    void theFormStartsWithTheInviteesNameAndAddressAndShowsEveryProblemAtOnce() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String taken = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.asAdmin();
        String code = invitations.invite(clinic.id(), MemberRole.VIEWER, "看護師長 佐々木", "Sasaki.Kango@Example.JP").code();
        Fixtures.anonymous();

        InvitationAcceptView view = navigate("invite/" + code, InvitationAcceptView.class);
        assertThat(view.account.displayName.getValue()).isEqualTo("看護師長 佐々木");
        assertThat(view.account.email.getValue()).isEqualTo("sasaki.kango@example.jp");
        assertThat(view.account.username.isInvalid()).isFalse();

        // a mistyped confirmation together with what the page can judge itself: both shown
        test(view.account.email).setValue("sasaki@");
        view.account.password.setValue("short");
        view.account.confirm.setValue("shorter");
        test(view.accept).click();
        assertThat(view.account.confirm.isInvalid()).isTrue();
        assertThat(view.account.email.isInvalid()).isTrue();
        assertThat(view.account.password.isInvalid()).isTrue();

        // the service's answer: taken user name, invisible characters in the name, a bad address, a common password
        test(view.account.username).setValue(taken);
        test(view.account.displayName).setValue("佐々木\u202E");
        view.account.password.setValue("qwertyuiop12345");
        view.account.confirm.setValue("qwertyuiop12345");
        test(view.accept).click();
        assertThat(view.account.confirm.isInvalid()).isFalse();
        assertThat(view.account.username.getErrorMessage()).isEqualTo("このユーザー名はすでに使われています");
        assertThat(view.account.displayName.isInvalid()).isTrue();
        assertThat(view.account.email.isInvalid()).isTrue();
        assertThat(view.account.password.getErrorMessage()).startsWith("このパスワードはよく使われていて");
        assertThat(view.code.isInvalid()).isFalse();

        // fixed: no mark left anywhere, the account exists
        String username = "sasaki" + System.nanoTime();
        test(view.account.username).setValue(username);
        test(view.account.displayName).setValue("佐々木 花子");
        test(view.account.email).setValue("ｓａｓａｋｉ．ｋａｎｇｏ＠ｅｘａｍｐｌｅ．ｊｐ");
        view.account.password.setValue(Fixtures.PASSWORD);
        view.account.confirm.setValue(Fixtures.PASSWORD);
        test(view.accept).click();
        assertThat(view.getElement().getTextRecursively()).contains("アカウントを作成しました");
        assertThat(users.findByUsername(username)).get().satisfies(u -> assertThat(u.getEmail()).isEqualTo("sasaki.kango@example.jp"));
    }

    @Test
    void someoneLoggedInJoinsWithTheirAccount() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        FacilityProfile hospital = fixtures.facility(FacilityKind.HOSPITAL);
        String doctor = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.asAdmin();
        String code = invitations.invite(hospital.id(), MemberRole.EDITOR, "非常勤 医師").code();
        Fixtures.as(doctor);
        InvitationAcceptView view = navigate("invite/" + code, InvitationAcceptView.class);
        assertThat(view.account.isAttached()).isFalse();
        test(view.acceptAsCurrent).click();
        assertThat(view.getElement().getTextRecursively()).contains(hospital.name() + " のメンバーになりました");
        assertThat(invitations.lookup(code)).isEmpty();
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    jp.kakaritsuke.identity.domain.AppUserRepository users;

    @Test
    void whoeverLosesARaceForTheCodeIsToldAtTheCodeAndKeepsNoAccount() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String code = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 二人目").code();
        Fixtures.anonymous();
        InvitationAcceptView view = navigate("invite/" + code, InvitationAcceptView.class);
        String loser = "slower" + System.nanoTime();
        view.account.username.setValue(loser);
        view.account.displayName.setValue("遅かった人");
        view.account.email.setValue(Fixtures.mail(loser));
        view.account.password.setValue(Fixtures.PASSWORD);
        view.account.confirm.setValue(Fixtures.PASSWORD);

        // someone else accepts the same code in the same moment, and commits while this click is under way
        Throwable other = new jp.kakaritsuke.testsupport.InvitationRace(transactionManager, dataSource).run(
                () -> invitations.accept(code, "faster" + System.nanoTime(), "速かった人", Fixtures.mail("faster" + System.nanoTime()), Fixtures.PASSWORD), loser,
                () -> test(view.accept).click());

        assertThat(other).isNull();
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.code.getErrorMessage()).contains("たった今ほかの方が使用しました").contains("アカウントは作成されていません");
        assertThat(view.getElement().getTextRecursively()).doesNotContain("アカウントを作成しました").doesNotContain("Exception");
        assertThat(users.findByUsername(loser)).isEmpty();
    }
}
