package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.base.FacilityKind;
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
 * Never lose the place (issue 11, item 4), in Debian's Chromium: a case opened from a scrolled matrix shows its
 * title; {@code #practice-N} anchors scroll their practice to the top of the view, followed from the practice search
 * (in-app navigation) and loaded directly. MainLayout does it for every page (docs/accessibility.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaceBrowserTest {

    /** Below the header (about 56 px) and no further: the target is the first thing in the view. */
    static final long TOP_OF_VIEW = 120;

    static WebDriver driver;
    static String user;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CaseLibraryService cases;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1366, 900);
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
            user = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.VIEWER);
            Fixtures.anonymous();
            Browser.login(driver, port, user, Fixtures.PASSWORD);
        }
    }

    @Test
    void aCaseOpenedFromTheScrolledMatrixShowsItsTitle() {
        WebDriverWait wait = Browser.waitFor(driver);
        driver.get(url("/"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("19")));
        WebElement lastRow = driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("19")).findFirst().orElseThrow();
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", lastRow);
        assertThat(contentScrollTop()).as("the matrix was scrolled").isGreaterThan(100);
        lastRow.click();
        wait.until(d -> d.getCurrentUrl().endsWith("/cases/19"));
        WebElement title = wait.until(d -> d.findElement(By.cssSelector(".case-detail-view h2")));
        wait.until(d -> contentScrollTop() == 0);
        // the title follows the back link and the source line: on the first screen, near the top
        assertThat(top(title)).as("case 19's title").isGreaterThanOrEqualTo(headerBottom()).isLessThan(250);
    }

    @Test
    void aPracticeLinkFromTheSearchScrollsToThePractice() {
        Practice first = practice("17", 1);
        WebDriverWait wait = Browser.waitFor(driver);
        driver.get(url("/practices"));
        WebElement keyword = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field input")));
        keyword.sendKeys(first.title());
        wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals(first.title())));
        driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(first.title())).findFirst().orElseThrow().click();
        WebElement link = wait.until(d -> d.findElement(By.cssSelector(".practice-details a[href*='cases/17#practice-1']")));
        js().executeScript("window.__stillTheSamePage = true");
        link.click();
        wait.until(d -> d.getCurrentUrl().endsWith("/cases/17#practice-1"));
        WebElement target = wait.until(d -> d.findElement(By.id("practice-1")));
        wait.until(d -> top(target) < TOP_OF_VIEW);
        assertTopOfView(target, "①'s card of case 17");
        assertThat(js().executeScript("return window.__stillTheSamePage === true"))
                .as("followed inside the application, without a page load").isEqualTo(true);
    }

    @Test
    void practiceAnchorsScrollOnDirectLoad() {
        for (String[] anchor : List.of(new String[] {"17", "1"}, new String[] {"5", "2"})) {
            String address = "/cases/" + anchor[0] + "#practice-" + anchor[1];
            driver.get(url("/"));
            driver.get(url(address));
            WebDriverWait wait = Browser.waitFor(driver);
            WebElement target = wait.until(d -> d.findElement(By.id("practice-" + anchor[1])));
            try {
                wait.until(d -> top(target) < TOP_OF_VIEW);
            } catch (RuntimeException e) {
                throw new AssertionError(address + ": " + js().executeScript("""
                        const c = document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[part~="content"]');
                        return 'hash=' + location.hash + ' contentScrollTop=' + c.scrollTop + ' docScrollTop='
                          + document.scrollingElement.scrollTop + ' top=' + arguments[0].getBoundingClientRect().top;""", target), e);
            }
            assertTopOfView(target, address);
            assertThat(target.findElement(By.tagName("h4")).getText())
                    .startsWith(anchor[1].equals("1") ? "①" : "②");
        }
    }

    private long headerBottom() {
        return Math.round(((Number) js().executeScript(
                "return document.querySelector('vaadin-app-layout header').getBoundingClientRect().bottom")).doubleValue());
    }

    private void assertTopOfView(WebElement element, String what) {
        long headerBottom = headerBottom();
        assertThat(top(element)).as(what + ": top in the viewport (header ends at " + headerBottom + ")")
                .isGreaterThanOrEqualTo(headerBottom - 1).isLessThan(TOP_OF_VIEW);
    }

    private long top(WebElement element) {
        return Math.round(((Number) js().executeScript("return arguments[0].getBoundingClientRect().top", element)).doubleValue());
    }

    private long contentScrollTop() {
        return Math.round(((Number) js().executeScript("""
                const content = document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[part~="content"]');
                return content.scrollTop + document.scrollingElement.scrollTop;""")).doubleValue());
    }

    private Practice practice(String caseNumber, int number) {
        return cases.library().caseStudy(caseNumber).orElseThrow().practices().stream()
                .filter(p -> p.number() == number).findFirst().orElseThrow();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
