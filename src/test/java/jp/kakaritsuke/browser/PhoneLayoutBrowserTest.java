package jp.kakaritsuke.browser;

import jp.kakaritsuke.assessment.service.RoundService;
import static org.assertj.core.api.Assertions.assertThat;

import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Phone width (issue 11, item 5) in Chromium's mobile emulation at 390×844: the header stays one compact line with
 * ログアウト on screen, and the case matrix and a case page do not scroll sideways (the matrix's 14-role grid
 * scrolls inside its own box), and neither do the questionnaire's three screens and the result page. Screenshots header-phone.png, menu-phone.png, matrix-phone.png, case-phone.png (target/screenshots,
 * copied to docs/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneLayoutBrowserTest {

    static WebDriver driver;
    static String user;
    static long facilityId;
    static long submittedRound;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.startPhone();
    }

    @AfterAll
    static void stopBrowser() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @BeforeEach
    void login() {
        if (user == null) {
            var clinic = fixtures.facility(FacilityKind.CLINIC);
            facilityId = clinic.id();
            user = fixtures.member(clinic, MemberRole.EDITOR);
            // a submitted round for the result page, a draft (the reassessment) for the questionnaire
            submittedRound = fixtures.submitRound(facilityId, role -> role.name().length() % 5, role -> role == RoleCode.HOME_CARE);
            Fixtures.anonymous();
            Browser.login(driver, port, user, Fixtures.PASSWORD);
        }
    }

    @Test
    void theEmulatedWindowIsAPhone() {
        assertThat(((Number) js().executeScript("return window.innerWidth")).intValue()).isEqualTo(Browser.PHONE_WIDTH);
    }

    @Test
    void theHeaderIsOneCompactLineWithLogoutOnScreen() throws Exception {
        driver.get(url("/"));
        WebDriverWait wait = Browser.waitFor(driver);
        WebElement header = wait.until(d -> d.findElement(By.cssSelector("vaadin-app-layout header")));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid-cell-content")).isEmpty());
        assertThat(rect(header, "height")).as("header height").isLessThanOrEqualTo(64);
        WebElement title = driver.findElement(By.cssSelector(".app-title"));
        // one line: a line of the title font is well under 40 px; one character per line would be hundreds
        assertThat(rect(title, "height")).as("title height").isLessThan(40);
        assertThat(rect(title, "width")).as("title width").isGreaterThan(60);
        WebElement logout = driver.findElement(By.cssSelector("vaadin-button.layout-logout"));
        assertThat(rect(logout, "right")).as("logout's right edge").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        assertThat(rect(logout, "left")).isGreaterThanOrEqualTo(0);
        assertThat(logout.getDomAttribute("aria-label")).isEqualTo("ログアウト");
        Browser.assertNoSidewaysScroll(driver, "header");
        java.nio.file.Files.copy(header.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots")).resolve("header-phone.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the menu opens over the page from the header's toggle
        driver.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
        wait.until(d -> d.findElement(By.cssSelector("vaadin-app-layout")).getDomAttribute("drawer-opened") != null);
        wait.until(d -> rect(d.findElement(By.cssSelector("vaadin-side-nav")), "left") >= 0);
        Browser.screenshot(driver, "menu-phone.png");
    }

    @Test
    void theCaseMatrixDoesNotScrollSideways() throws Exception {
        driver.get(url("/"));
        WebDriverWait wait = Browser.waitFor(driver);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("19")));
        Browser.assertNoSidewaysScroll(driver, "case matrix");
        // the grid itself is as wide as the window and scrolls its 14 role columns inside
        WebElement grid = driver.findElement(By.cssSelector(".case-matrix-view vaadin-grid"));
        assertThat(rect(grid, "right")).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        Browser.screenshot(driver, "matrix-phone.png");
    }

    @Test
    void aCasePageDoesNotScrollSideways() throws Exception {
        driver.get(url("/cases/5"));
        WebDriverWait wait = Browser.waitFor(driver);
        wait.until(d -> !d.findElements(By.cssSelector(".practice-card")).isEmpty());
        Browser.assertNoSidewaysScroll(driver, "case 5");
        Browser.screenshot(driver, "case-phone.png");
    }

    @Test
    void theQuestionnaireDoesNotScrollSideways() throws Exception {
        Fixtures.as(user);
        long draft = rounds.startRound(facilityId).summary().id();
        Fixtures.anonymous();
        for (int step = 1; step <= 3; step++) {
            driver.get(url("/assessment/round/" + draft + "?step=" + step));
            WebDriverWait wait = Browser.waitFor(driver);
            if (step < 3) {
                wait.until(d -> !d.findElements(By.cssSelector(".role-editor vaadin-radio-group")).isEmpty());
            } else {
                wait.until(d -> !d.findElements(By.cssSelector(".questionnaire-view vaadin-button")).isEmpty());
            }
            Browser.assertNoSidewaysScroll(driver, "questionnaire step " + step);
        }
        Browser.screenshot(driver, "review-phone.png");
    }

    @Test
    void theResultPageDoesNotScrollSideways() throws Exception {
        driver.get(url("/assessment/profile/" + submittedRound));
        WebDriverWait wait = Browser.waitFor(driver);
        wait.until(d -> !d.findElements(By.cssSelector(".recommended-practice")).isEmpty());
        Browser.assertNoSidewaysScroll(driver, "result page");
        Browser.screenshot(driver, "result-phone.png");
    }

    @Autowired
    RoundService rounds;

    private long rect(WebElement element, String side) {
        return Math.round(((Number) js().executeScript("return arguments[0].getBoundingClientRect()[arguments[1]]",
                element, side)).doubleValue());
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
