package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mistyped and malformed addresses in Debian's Chromium, after a real login: the router's Japanese "page not found"
 * with the way back to the start page, never an exception, an empty 403 or Vaadin's English route list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @Test
    void badAddressesShowTheJapaneseNotFoundPage() throws Exception {
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, "admin", "test-admin-password");
        for (String path : List.of("assessment/round/abc", "assessment/round/1e3",
                "assessment/round/2147483648", "facility/999999", "no-such-page")) {
            driver.get("http://localhost:" + port + "/" + path);
            try {
                wait.until(d -> !d.findElements(By.cssSelector(".not-found h2")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(driver, "not-found-failed.png");
                throw new AssertionError(path + ": " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText(), e);
            }
            String text = driver.findElement(By.cssSelector(".not-found")).getText();
            assertThat(text).as(path).contains("ページが見つかりません").contains("はじめの画面へ")
                    .doesNotContain("Exception").doesNotContain("Could not navigate");
        }
        Browser.screenshot(driver, "not-found.png");
        // an encoded NUL in the path never reaches the application: Tomcat refuses it with a bare 400
        driver.get("http://localhost:" + port + "/assessment/round/%00");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("400").doesNotContain("Exception")
                .doesNotContain("jp.kakaritsuke");
        driver.get("http://localhost:" + port + "/no-such-page");
        wait.until(d -> !d.findElements(By.cssSelector(".not-found a")).isEmpty());
        driver.findElement(By.cssSelector(".not-found a")).click();
        wait.until(d -> !d.getCurrentUrl().contains("no-such-page"));
    }
}
