package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor adds an action from the facility home in Chromium (role, what, who, due date), finds it as a card, and
 * the page still has no sideways scrolling at phone width. Screenshots: action-plan.png, action-plan-phone.png
 * (target/screenshots, copied to docs/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionPlanBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActionPlanService plans;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1366, 900);
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

    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void anEditorAddsAnActionFromTheHomePage() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        fixtures.submitRound(clinic.id(), role -> role == RoleCode.HOME_CARE ? 1 : 2, role -> role == RoleCode.HOME_CARE);
        Fixtures.anonymous();
        WebDriverWait wait = Browser.waitFor(driver);
        JavascriptExecutor js = (JavascriptExecutor) driver;

        Browser.login(driver, port, editor, Fixtures.PASSWORD);
        driver.get("http://localhost:" + port + "/assessment");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-button.action-add"))).click();

        wait.until(d -> d.findElement(By.cssSelector("vaadin-select.action-role"))).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().strip().equals("在宅医療")).findFirst().orElse(null)).click();
        WebElement what = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-area.action-what-field textarea")));
        what.sendKeys("在宅患者さんに夜間の連絡先カードを配る");
        driver.findElement(By.cssSelector("vaadin-text-field.action-who-field input")).sendKeys("看護師長");
        // the date picker's value property is ISO whatever the display format; Flow picks up the change event
        js.executeScript("const p = arguments[0]; p.value = '2027-03-31';",
                driver.findElement(By.cssSelector("vaadin-date-picker.action-due-field")));
        driver.findElement(By.cssSelector("vaadin-button.action-save")).click();

        wait.until(d -> d.findElements(By.cssSelector(".action-card")).stream()
                .anyMatch(c -> c.getText().contains("在宅患者さんに夜間の連絡先カードを配る")));
        WebElement card = driver.findElement(By.cssSelector(".action-card"));
        assertThat(card.getText()).contains("在宅医療", "看護師長", "予定");
        Fixtures.asAdmin();
        List<ActionItem> plan = plans.plan(clinic.id());
        Fixtures.anonymous();
        assertThat(plan).singleElement().satisfies(i -> {
            assertThat(i.getRoleCode()).isEqualTo(RoleCode.HOME_CARE);
            assertThat(i.getWho()).isEqualTo("看護師長");
            assertThat(i.getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        Browser.screenshot(driver, "action-plan.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get("http://localhost:" + port + "/assessment");
        WebElement phoneCard = wait.until(d -> d.findElement(By.cssSelector(".action-card")));
        // the plan itself: nothing in it stands beyond its own box or the window (the page around it is issue 11's
        // phone-layout work elsewhere; its overflow is reported, not asserted here)
        String report = (String) js.executeScript("""
                const width = document.documentElement.clientWidth;
                const plan = document.querySelector('.action-plan').getBoundingClientRect();
                let worst = 0, what = '';
                for (const e of document.querySelectorAll('.action-plan *')) {
                  if (e.offsetParent === null) continue;
                  const over = e.getBoundingClientRect().right - Math.min(width, plan.right);
                  if (over > worst) { worst = over; const r = e.getBoundingClientRect(); what = e.tagName + '.' + e.className + '<'
                      + e.parentElement.tagName + '.' + e.parentElement.className + '<' + e.parentElement.parentElement.tagName
                      + '.' + e.parentElement.parentElement.className + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + '] "' + e.textContent + '"'; }
                }
                let page = 0, pageWhat = '';
                for (const e of document.querySelectorAll('vaadin-app-layout *')) {
                  if (e.closest('vaadin-grid') || e.offsetParent === null) continue;
                  const over = e.getBoundingClientRect().right - width;
                  if (over > page) { page = over; pageWhat = e.tagName + '.' + e.className; }
                }
                return Math.round(worst) + ' ' + what + ' | page ' + Math.round(page) + ' ' + pageWhat + ' | plan right '
                    + Math.round(plan.right) + ' of ' + width;""");
        System.out.println("ActionPlanBrowserTest phone overflow: " + report);
        assertThat(Long.parseLong(report.substring(0, report.indexOf(' '))))
                .as("pixels of the plan beyond its box or the window at 390 px: %s", report).isLessThanOrEqualTo(0);
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", phoneCard);
        Browser.screenshot(driver, "action-plan-phone.png");
    }
}
