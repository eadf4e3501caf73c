package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An association's staff in Chromium: the rollup page with its stacked bars drawn (role-bars.ts) and the coverage grid. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssociationBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1440, 1400);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    /** Every page of this test ran under the Content-Security-Policy without one refusal (issue 10). */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void theRollupPageDrawsItsChart() throws Exception {
        Fixtures.asAdmin();
        long pref = admin.create("熊本県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "熊本県", null);
        long city = admin.create("熊本市医師会", AssociationLevel.MUNICIPAL, "熊本県", pref);
        for (int i = 0; i < 4; i++) {
            FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
            fixtures.member(f, MemberRole.EDITOR);
            int level = i;
            fixtures.submitRound(f.id(), role -> role == RoleCode.OUT_OF_HOURS ? 0 : 1 + level, role -> false);
            Fixtures.asAdmin();
            admin.addFacility(city, f.id());
        }
        String staff = fixtures.associationAdmin(pref);
        Fixtures.anonymous();

        Browser.login(driver, port, staff, Fixtures.PASSWORD);
        var wait = Browser.waitFor(driver);
        driver.get("http://localhost:" + port + "/associations/rollup/" + city);
        WebElement bars = wait.until(d -> d.findElement(By.cssSelector("role-bars")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!arguments[0].shadowRoot && !!arguments[0].shadowRoot.querySelector('canvas')", bars)));
        Long drawn = (Long) js.executeScript("""
                const c = arguments[0].shadowRoot.querySelector('canvas');
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; } return n;""", bars);
        assertThat(drawn).isGreaterThan(1000);
        assertThat(bars.getAttribute("role")).isEqualTo("img");
        Thread.sleep(1200);
        Browser.screenshot(driver, "rollup.png");
    }

    @Autowired
    jp.kakaritsuke.associations.service.AssociationStaffService staffService;

    @Autowired
    jp.kakaritsuke.testsupport.TestMailbox mailbox;

    /**
     * An administrator invited by mail opens the link from the received mail in a fresh browser, finds their name and
     * address filled in, sets a user name and a password, logs in and finds the association.
     */
    @Test
    void anInvitedAdministratorAcceptsAndSeesTheAssociation() throws Exception {
        Fixtures.asAdmin();
        String name = "岐阜県医師会 " + System.nanoTime();
        long pref = admin.create(name, AssociationLevel.PREFECTURAL, "岐阜県", null);
        String address = "gifu.office" + System.nanoTime() + "@example.jp";
        staffService.invite(pref, "岐阜 事務局 山田", address);
        Fixtures.anonymous();
        var mail = mailbox.awaitMail(address, jp.kakaritsuke.mail.service.MailKind.ASSOCIATION_INVITATION);

        driver.manage().deleteAllCookies();
        var wait = Browser.waitFor(driver);
        driver.get(mail.link().toString());
        wait.until(d -> d.findElement(By.tagName("p")).getText().contains("岐阜 事務局 山田"));
        assertThat(field("vaadin-text-field", "氏名").getDomProperty("value")).isEqualTo("岐阜 事務局 山田");
        assertThat(field("vaadin-email-field", "メールアドレス").getDomProperty("value")).isEqualTo(address);
        String username = "gifu" + System.nanoTime();
        field("vaadin-text-field", "ユーザー名").sendKeys(username);
        field("vaadin-password-field", "パスワード").sendKeys(Fixtures.PASSWORD);
        field("vaadin-password-field", "パスワード (確認)").sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.xpath("//vaadin-button[contains(., 'アカウントを作成')]")).click();
        wait.until(d -> d.findElement(By.tagName("h2")).getText().equals("医師会の管理者になりました"));

        Browser.login(driver, port, username, Fixtures.PASSWORD);
        driver.get("http://localhost:" + port + "/associations");
        wait.until(d -> d.findElement(By.xpath("//a[contains(., '" + name + "')]")));
        driver.findElement(By.xpath("//a[contains(., '管理者と招待')]")).click();
        WebElement admins = wait.until(d -> d.findElement(By.xpath("//vaadin-grid-cell-content[contains(., '" + username + "')]")));
        assertThat(admins.getText()).isEqualTo(username);
        Thread.sleep(500);
        Browser.screenshot(driver, "association-staff.png");
        // at 1366 px every date and time of the lists is whole (the invitations' were cut to 「2026-12-0…」)
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('vaadin-grid-cell-content')]"
                        + ".filter(c => /^\\d{4}-\\d{2}-\\d{2}/.test(c.textContent.trim()) && c.scrollWidth > c.clientWidth + 1)"
                        + ".map(c => c.textContent.trim());");
        assertThat(cut).as("dates cut off").isEmpty();
        assertThat(driver.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '受諾済み')]"))).isNotEmpty();
    }

    private WebElement field(String tag, String label) {
        return driver.findElement(By.xpath("//" + tag + "[.//label[normalize-space()='" + label + "']]//input"));
    }
}
