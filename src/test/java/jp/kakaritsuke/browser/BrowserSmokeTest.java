package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
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
            driver.quit();
        }
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
}
