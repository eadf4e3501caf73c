package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core ({@link Axe}: WCAG 2.1 A/AA plus the landmark, h1 and table-header rules) on the pages issue 11 names, in
 * Debian's Chromium: login, case matrix, a case, practice search, survey, questionnaire and result page. Any
 * violation of any impact fails; every page is scanned before the test fails, so one run lists them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;

    WebDriver driver;

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @Test
    void thePagesOfIssue11HaveNoAxeViolations() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String director = fixtures.member(clinic, MemberRole.EDITOR);
        long submitted = fixtures.submitRound(clinic.id(), role -> 2, role -> role == RoleCode.HOME_CARE);
        long open = rounds.startRound(clinic.id()).summary().id();
        Fixtures.anonymous();

        driver = Browser.start(1366, 900);
        WebDriverWait wait = Browser.waitFor(driver);
        Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();

        driver.get(url("/login"));
        wait.until(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
        found.put("login", Axe.violations(driver));
        // the login page is the one page without MainLayout: its own main landmark and h1
        assertThat(driver.findElements(By.cssSelector("[role=main] h1, main h1"))).hasSize(1);

        Browser.login(driver, port, director, Fixtures.PASSWORD);
        scan(found, "case matrix", "/", "vaadin-grid-cell-content");
        scan(found, "case", "/cases/5", ".practice-card");
        scan(found, "practice search", "/practices", "vaadin-text-field");
        scan(found, "survey", "/survey", "vaadin-grid");
        scan(found, "questionnaire", "/assessment/round/" + open + "?step=2", "vaadin-radio-group");
        scan(found, "result", "/assessment/profile/" + submitted, "role-radar");

        // keyboard: the first Tab reaches 「本文へ移動」, Enter moves the focus to main, on the same page
        driver.get(url("/cases/5"));
        wait.until(d -> !d.findElements(By.cssSelector(".practice-card")).isEmpty());
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        wait.until(d -> "layout-skip-link".equals(((JavascriptExecutor) d).executeScript(
                "return document.activeElement && document.activeElement.className")));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        wait.until(d -> "main-content".equals(((JavascriptExecutor) d).executeScript(
                "return document.activeElement && document.activeElement.id")));
        assertThat(driver.getCurrentUrl()).endsWith("/cases/5");

        found.forEach((page, violations) -> violations.forEach(v -> System.out.println("axe " + page + ": " + v)));
        StringBuilder report = new StringBuilder();
        found.forEach((page, violations) -> violations.forEach(v -> report.append(page).append(": ").append(v).append('\n')));
        assertThat(found.values().stream().mapToInt(List::size).sum()).as("axe-core violations:\n" + report).isZero();
    }

    private void scan(Map<String, List<Axe.Violation>> found, String page, String path, String readyWhen) {
        driver.get(url(path));
        WebDriverWait wait = Browser.waitFor(driver);
        wait.until(d -> !d.findElements(By.cssSelector(readyWhen)).isEmpty());
        // Vaadin has finished the round trip when no request is pending
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && Object.values(window.Vaadin.Flow.clients || {}).every(c => !c.isActive())")));
        List<Axe.Violation> violations = new java.util.ArrayList<>(Axe.violations(driver));
        // axe wants at least one h1; the layout promises exactly one, named after the page
        @SuppressWarnings("unchecked")
        List<String> headings = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('h1')].map(h => h.textContent.trim())");
        if (headings.size() != 1 || headings.getFirst().isBlank()) {
            violations.add(new Axe.Violation("one-h1", "-", "exactly one non-empty h1", headings.size(), headings));
        }
        System.out.println("h1 on " + page + ": " + headings);
        found.put(page, violations);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
