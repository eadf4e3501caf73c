package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's administrator and invitee, in Chromium: the administrator lands on 施設管理, registers a clinic in the
 * dialog, finds it by searching, invites its first editor by mail; the invitee opens the link from the mail received
 * by the in-process SMTP server, finds the form filled in, sets a password and logs in to their self-assessment;
 * later they forget it, ask for a reset on the login page, follow the link from the second mail, set a new password
 * and log in with it (the old one no longer works). Issue 13's browser walk.
 * Screenshots: facility-admin.png, facility-people.png, invitation-accept.png, password-reset-walk.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FacilityPeopleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestMailbox mailbox;

    WebDriver driver;

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @Test
    void theAdministratorInvitesByMailAndTheInviteeFollowsTheLink() throws Exception {
        driver = Browser.start(1366, 900);
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, "admin", "test-admin-password");
        // the administrator starts at 施設管理
        wait.until(d -> d.getCurrentUrl().endsWith("/admin/facilities"));
        wait.until(d -> text(d).contains("施設管理"));

        String clinic = "ブラウザ診療所 " + UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.xpath("//vaadin-button[contains(., '施設を登録')]")).click();
        WebElement name = wait.until(d -> field("vaadin-text-field", "施設名"));
        name.sendKeys(clinic);
        driver.findElement(By.xpath("//vaadin-radio-button[.//label[normalize-space()='診療所']]")).click();
        WebElement prefecture = field("vaadin-combo-box", "都道府県");
        prefecture.sendKeys("千葉県");
        prefecture.sendKeys(Keys.ENTER);
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='登録する']")).click();
        wait.until(d -> text(d).contains(clinic + " を登録しました"));

        WebElement search = field("vaadin-text-field", "検索");
        search.sendKeys(clinic);
        wait.until(d -> text(d).contains("全 1 件"));
        Browser.assertNoCspViolations(driver);
        Browser.screenshot(driver, "facility-admin.png");
        driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space()='" + clinic + "']")).click();

        wait.until(d -> d.findElement(By.tagName("h2")).getText().equals(clinic));
        String address = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        field("vaadin-text-field", "招待する方の氏名").sendKeys("院長 森");
        field("vaadin-email-field", "招待する方のメールアドレス (任意)").sendKeys(address);
        driver.findElement(By.xpath("//vaadin-select[.//label[normalize-space()='権限']]")).click();
        wait.until(d -> d.findElement(By.xpath("//vaadin-select-item[contains(., '編集者')]"))).click();
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='招待する']")).click();
        wait.until(d -> text(d).contains("院長 森 さんに招待メールを送りました"));
        String shown = field("vaadin-text-field", "招待リンク").getAttribute("value");
        Browser.assertNoCspViolations(driver);
        Browser.screenshot(driver, "facility-people.png");

        TestMailbox.ReceivedMail mail = mailbox.awaitMail(address, MailKind.FACILITY_INVITATION);
        assertThat(mail.link().toString()).isEqualTo(shown).startsWith("http://localhost:" + port + "/invite/");

        // the invitee, in a browser without the administrator's session
        driver.manage().deleteAllCookies();
        driver.get(mail.link().toString());
        wait.until(d -> text(d).contains("院長 森 さん: " + clinic));
        assertThat(field("vaadin-text-field", "氏名").getAttribute("value")).isEqualTo("院長 森");
        assertThat(field("vaadin-email-field", "メールアドレス").getAttribute("value")).isEqualTo(address);
        String username = "mori" + System.nanoTime();
        field("vaadin-text-field", "ユーザー名").sendKeys(username);
        field("vaadin-password-field", "パスワード").sendKeys(Fixtures.PASSWORD);
        field("vaadin-password-field", "パスワード (確認)").sendKeys(Fixtures.PASSWORD);
        Browser.screenshot(driver, "invitation-accept.png");
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='アカウントを作成']")).click();
        wait.until(d -> text(d).contains("アカウントを作成しました"));
        Browser.assertNoCspViolations(driver);

        Browser.login(driver, port, username, Fixtures.PASSWORD);
        wait.until(d -> d.getCurrentUrl().contains("/assessment"));
        wait.until(d -> text(d).contains(clinic));

        // weeks later the director has forgotten the password: the login page's link, the address, the mail
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=forgot-password]"))).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/forgot-password"));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-email-field input"))).sendKeys(address);
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='再設定のメールを送る']")).click();
        wait.until(d -> text(d).contains("パスワード再設定のメールを送りました"));
        TestMailbox.ReceivedMail reset = mailbox.awaitMail(address, MailKind.PASSWORD_RESET);
        assertThat(reset.body()).contains(username).contains("院長 森");
        assertThat(reset.link().toString()).startsWith("http://localhost:" + port + "/reset-password/");

        driver.get(reset.link().toString());
        wait.until(d -> text(d).contains("新しいパスワードの設定") && text(d).contains(username));
        String newPassword = "another-long-passphrase-" + System.nanoTime();
        var passwords = driver.findElements(By.cssSelector("vaadin-password-field input"));
        passwords.get(0).sendKeys(newPassword);
        passwords.get(1).sendKeys(newPassword);
        driver.findElement(By.xpath("//vaadin-button[normalize-space()='パスワードを設定する']")).click();
        wait.until(d -> text(d).contains("新しいパスワードを設定しました"));
        Browser.assertNoCspViolations(driver);
        Browser.screenshot(driver, "password-reset-walk.png");
        // the link is spent, a notice of the change arrived, and the old password is refused
        driver.get(reset.link().toString());
        wait.until(d -> text(d).contains("このリンクは使えません"));
        mailbox.awaitMail(address, MailKind.PASSWORD_CHANGED);
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("input[name=username]"))).sendKeys(username);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(Fixtures.PASSWORD + Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("error"));
        Browser.login(driver, port, username, newPassword);
        wait.until(d -> d.getCurrentUrl().contains("/assessment"));
        wait.until(d -> text(d).contains(clinic));
    }

    private WebElement field(String tag, String label) {
        return driver.findElement(By.xpath("//" + tag + "[.//label[normalize-space()='" + label + "']]//input"));
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }
}
