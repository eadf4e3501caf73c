package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A director who forgot the password, in Chromium: 「パスワードを忘れた場合」 on the login page, the address, the mail
 * received by the in-process SMTP server, its link, a new password, the login with it; then the account page and the
 * administrators' account list, each without axe violations. Screenshots: forgot-password.png, reset-password.png, account.png, accounts-admin.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordResetBrowserTest {

    static final String NEW_PASSWORD = "a-brand-new-passphrase-for-winter";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    jp.kakaritsuke.identity.service.AccountAdminService accounts;

    @Autowired
    jp.kakaritsuke.identity.domain.AppUserRepository users;

    WebDriver driver;

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @Test
    void aDirectorWhoForgotThePasswordSetsANewOneFromTheMailedLink() throws Exception {
        String director = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        driver = Browser.start(1366, 900);
        WebDriverWait wait = Browser.waitFor(driver);
        driver.get(url("/login"));
        wait.until(d -> d.findElement(By.cssSelector("input[name=username]")));
        WebElement forgot = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=forgot-password]")));
        assertThat(forgot.isDisplayed()).isTrue();
        assertThat(forgot.getText()).isEqualTo("パスワードを忘れた場合");
        forgot.click();
        wait.until(d -> d.getCurrentUrl().endsWith("/forgot-password"));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-email-field input"))).sendKeys(Fixtures.mail(director));
        button(driver, "再設定のメールを送る").click();
        wait.until(d -> text(d).contains("パスワード再設定のメールを送りました"));
        Browser.assertNoCspViolations(driver);
        Axe.assertNoViolations(driver, "forgot-password");
        Browser.screenshot(driver, "forgot-password.png");

        TestMailbox.ReceivedMail mail = mailbox.awaitMail(Fixtures.mail(director), MailKind.PASSWORD_RESET);
        driver.get(mail.link().toString());
        wait.until(d -> text(d).contains("新しいパスワードの設定") && text(d).contains(director));
        var passwords = driver.findElements(By.cssSelector("vaadin-password-field input"));
        passwords.get(0).sendKeys(NEW_PASSWORD);
        passwords.get(1).sendKeys(NEW_PASSWORD);
        Axe.assertNoViolations(driver, "reset-password");
        Browser.screenshot(driver, "reset-password.png");
        button(driver, "パスワードを設定する").click();
        wait.until(d -> text(d).contains("新しいパスワードを設定しました"));
        Browser.assertNoCspViolations(driver);

        // the link works once
        driver.get(mail.link().toString());
        wait.until(d -> text(d).contains("このリンクは使えません"));

        driver.manage().deleteAllCookies();
        Browser.login(driver, port, director, NEW_PASSWORD);
        driver.get(url("/account"));
        wait.until(d -> text(d).contains("パスワードの変更") && text(d).contains(Fixtures.mail(director)));
        Browser.assertNoCspViolations(driver);
        Axe.assertNoViolations(driver, "account");
        Browser.screenshot(driver, "account.png");

        driver.manage().deleteAllCookies();
        Browser.login(driver, port, "admin", "test-admin-password");
        driver.get(url("/admin/accounts"));
        wait.until(d -> text(d).contains("アカウント管理") && !d.findElements(By.cssSelector("vaadin-grid-cell-content")).isEmpty());
        Browser.assertNoCspViolations(driver);
        Axe.assertNoViolations(driver, "admin/accounts");
        Browser.screenshot(driver, "accounts-admin.png");
    }

    @Test
    void aDisabledAccountsOpenPageEndsAtItsNextActionAndShowsTheLogin() throws Exception {
        String director = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.anonymous();
        driver = Browser.start(1366, 900);
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        driver.get(url("/account"));
        wait.until(d -> text(d).contains("パスワードの変更"));

        // an administrator disables the account meanwhile (on another node it would be the same: the stamp is in the database)
        Fixtures.asAdmin();
        accounts.disable(users.findByUsername(director).orElseThrow().getId());
        Fixtures.anonymous();

        button(driver, "パスワードを変更する").click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        wait.until(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
        Browser.assertNoCspViolations(driver);
    }

    private static WebElement button(WebDriver driver, String label) {
        return driver.findElements(By.cssSelector("vaadin-button")).stream().filter(b -> b.getText().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + label));
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
