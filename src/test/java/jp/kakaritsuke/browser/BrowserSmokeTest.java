package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case library in Debian's Chromium: log in, see the matrix with 19 rows, open a case, the search and the
 * survey. Leaves screenshots in target/screenshots (docs/screenshots/matrix.png is a copy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSmokeTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1920, 1250);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Browser.release(driver);
        }
    }

    /** Every page of this test ran under the Content-Security-Policy without one refusal (issue 10). */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void logInSeeTheMatrixAndOpenACase() throws Exception {
        WebDriverWait wait = Browser.waitFor(driver);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement loginForm = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        assertThat(loginForm.isDisplayed()).isTrue();
        Browser.login(driver, port, "admin", "test-admin-password");
        driver.get("http://localhost:" + port + "/");

        WebElement grid = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")));
        wait.until(d -> Long.valueOf(19).equals(js.executeScript("return arguments[0].size", grid)));
        wait.until(d -> d.getPageSource().contains("北海道家庭医療学センター"));
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("事例マトリクス");
        Thread.sleep(2500); // let fonts load and the grid finish its column sizing before the picture
        Browser.screenshot(driver, "matrix.png");
        // docs/screenshots/csp-matrix.png: the same page with the policy it was served under and the refusals
        // Chromium logged (none), shown in a banner the test draws over it
        Browser.assertNoCspViolations(driver);
        js.executeScript("""
                const policy = arguments[0];
                const banner = document.createElement('div');
                banner.textContent = 'Content-Security-Policy: ' + policy + '  —  CSP violations in the console: 0';
                banner.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:10000;padding:8px 12px;'
                    + 'font:13px monospace;background:#0b3d2e;color:#fff;white-space:normal';
                document.body.appendChild(banner);""", cspOf("http://localhost:" + port + "/"));
        Thread.sleep(300);
        Browser.screenshot(driver, "csp-matrix.png");
        js.executeScript("document.body.lastElementChild.remove()");

        driver.get("http://localhost:" + port + "/cases/17");
        wait.until(d -> d.findElements(By.cssSelector(".practice-card")).size() == 4);
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("一般社団法人柏市医師会（柏モデル）");
        Browser.screenshot(driver, "case-17.png");

        driver.get("http://localhost:" + port + "/practices");
        WebElement practices = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")));
        wait.until(d -> Long.valueOf(79).equals(js.executeScript("return arguments[0].size", practices)));
        Browser.screenshot(driver, "practices.png");

        driver.get("http://localhost:" + port + "/survey");
        WebElement survey = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")));
        wait.until(d -> Long.valueOf(117).equals(js.executeScript("return arguments[0].size", survey)));
        Browser.screenshot(driver, "survey.png");
    }

    /** The policy header the server sends for a page (the browser does not expose it to scripts). */
    private static String cspOf(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", cookies).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Content-Security-Policy").orElse("(none)");
    }
}
