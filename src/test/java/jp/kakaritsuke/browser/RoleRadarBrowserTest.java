package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The radar chart (role-radar.ts + ECharts) in Debian's Chromium, on the test-only page {@code /test/radar}
 * ({@code jp.kakaritsuke.base.ui.RadarTestView}): the canvas exists and is drawn, the host is an accessible image.
 * Leaves target/screenshots/radar.png. Same browser setup and skip rule as {@link BrowserSmokeTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleRadarBrowserTest {

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
            driver.quit();
        }
    }

    /** Every page of this test ran under the Content-Security-Policy without one refusal (issue 10). */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void drawsFourteenJapaneseAxesOnACanvas() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.get("http://localhost:" + port + "/test/radar");

        WebElement radar = wait.until(d -> d.findElement(By.cssSelector("role-radar")));
        // ECharts draws into the element's shadow root
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!arguments[0].shadowRoot && !!arguments[0].shadowRoot.querySelector('canvas')", radar)));
        // drawn, not just created: count non-transparent pixels (a blank canvas has none)
        String countPixels = """
                const c = arguments[0].shadowRoot.querySelector('canvas');
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; }
                return n;""";
        wait.until(d -> ((Number) js.executeScript(countPixels, radar)).longValue() > 1000);

        assertThat(radar.getAttribute("role")).isEqualTo("img");
        assertThat(radar.getAttribute("aria-label")).isEqualTo("役割別の自己評価（14項目、今回と前回）");
        assertThat(((Number) js.executeScript("return arguments[0].indicators.length", radar)).intValue()).isEqualTo(14);
        assertThat(js.executeScript("return arguments[0].series.map(s => s.kind).join(',')", radar))
                .isEqualTo("current,previous");
        Number canvasHeight = (Number) js.executeScript(
                "return arguments[0].shadowRoot.querySelector('canvas').getBoundingClientRect().height", radar);
        assertThat(canvasHeight.doubleValue()).isEqualTo(420.0);

        Thread.sleep(1500); // let the entry animation finish before the picture
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(radar.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("radar.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // the tooltip lists the hovered series with a value per role (the current series' area covers the centre)
        new Actions(driver).moveToElement(radar, 4, -24).pause(Duration.ofMillis(200)).moveToElement(radar, 6, -26)
                .perform();
        String tooltip = wait.until(d -> (String) js.executeScript("""
                const tip = [...arguments[0].shadowRoot.querySelectorAll('div')]
                    .find(e => e.style.position === 'absolute' && e.textContent.includes('診診連携'));
                return tip && getComputedStyle(tip).display !== 'none' ? tip.textContent : null;""", radar));
        assertThat(tooltip).contains("今回（2026年）", "診診連携", "4", "その他");

        // follows the element's size (ResizeObserver)
        js.executeScript("arguments[0].style.width = '600px'", radar);
        wait.until(d -> ((Number) js.executeScript(
                "return arguments[0].shadowRoot.querySelector('canvas').getBoundingClientRect().width", radar))
                .doubleValue() == 600.0);
        // disposed when removed from the page: ECharts empties its container
        assertThat(js.executeScript("""
                const root = arguments[0].shadowRoot;
                arguments[0].remove();
                return root.querySelector('canvas') === null;""", radar)).isEqualTo(true);
    }
}
