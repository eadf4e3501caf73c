package jp.kakaritsuke.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.ApiTokenService;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.LoginThrottle.LoginRefusedException;
import jp.kakaritsuke.identity.service.LoginThrottle.Reason;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

/** The login page's messages, the API token page, the administrators' list of locked accounts. */
@SpringBootTest
class IdentityViewsTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
        VaadinSession.getCurrent().getSession().removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    LoginView loginAfter(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        com.vaadin.flow.component.UI.getCurrent().navigate("login",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        return (LoginView) getCurrentView();
    }

    @Test
    void theLoginPageSaysWhyALoginWasRefusedAndWhatToDo() {
        LoginView wrong = loginAfter(new BadCredentialsException("Bad credentials"));
        assertThat(wrong.form.isError()).isTrue();
        assertThat(wrong.i18n.getErrorMessage().getMessage()).isEqualTo("ユーザー名とパスワードを確認して、もう一度お試しください。");

        LoginView locked = loginAfter(new LoginRefusedException(Reason.ACCOUNT_LOCKED));
        assertThat(locked.i18n.getErrorMessage().getTitle()).isEqualTo("アカウントが一時的にロックされています");
        assertThat(locked.i18n.getErrorMessage().getMessage()).contains("しばらく (5分以上) 待って").contains("システム管理者に解除を依頼");

        LoginView blocked = loginAfter(new LoginRefusedException(Reason.ADDRESS_BLOCKED));
        assertThat(blocked.i18n.getErrorMessage().getTitle()).isEqualTo("しばらくログインできません");
        assertThat(blocked.i18n.getErrorMessage().getMessage()).contains("15分ほど待って");

        VaadinSession.getCurrent().getSession().removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(navigate("login", LoginView.class).form.isError()).isFalse();

        // a login posted from a page whose session had expired (refused for its stale CSRF token)
        com.vaadin.flow.component.UI.getCurrent().navigate("login",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("expired", "")));
        LoginView expired = (LoginView) getCurrentView();
        assertThat(expired.form.isError()).isTrue();
        assertThat(expired.i18n.getErrorMessage().getTitle()).isEqualTo("ページの有効期限が切れていました");
    }

    @Test
    void aUserCreatesATokenSeesItOnceAndRevokesIt() {
        fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        ApiTokensView view = navigate(ApiTokensView.class);
        assertThat(test(view.grid).size()).isZero();

        test(view.create).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("名前を入力してください (100文字以内)");

        test(view.name).setValue("集計スクリプト");
        view.expiresOn.setValue(LocalDate.now(ZoneId.of("Asia/Tokyo")));
        test(view.create).click();
        assertThat(view.expiresOn.getErrorMessage()).isEqualTo("有効期限は明日以降の日付にしてください");

        view.expiresOn.setValue(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30));
        test(view.create).click();
        assertThat(view.created.isVisible()).isTrue();
        String token = view.created.getValue();
        assertThat(token).startsWith(ApiTokenService.PREFIX);
        assertThat(tokens.authenticate(token)).isPresent();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("集計スクリプト");
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("未使用");
        // the grid never shows the token again
        assertThat(view.grid.getElement().getTextRecursively()).doesNotContain(token);

        test((com.vaadin.flow.component.button.Button) test(view.grid).getCellComponent(0, 4)).click();
        assertThat(test(view.grid).size()).isZero();
        assertThat(tokens.authenticate(token)).isEmpty();
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        String username = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
        for (int i = 0; i < 5; i++) {
            throttle.failed(username, "192.0.2.44");
        }
        Fixtures.asAdmin();
        LockedAccountsView view = navigate(LockedAccountsView.class);
        int row = rowOf(view, username);
        assertThat(test(view.grid).getCellText(row, 2)).isEqualTo("5");
        assertThat(test(view.grid).getCellText(row, 3)).endsWith("までロック");

        view.unlock(view.grid.getListDataView().getItem(row));
        assertThat(view.grid.getListDataView().getItems()).noneMatch(a -> a.username().equals(username));
    }

    private static int rowOf(LockedAccountsView view, String username) {
        var items = view.grid.getListDataView().getItems().toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " not listed");
    }
}
