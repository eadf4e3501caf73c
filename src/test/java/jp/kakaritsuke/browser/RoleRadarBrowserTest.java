package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
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
            Browser.release(driver);
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

        assertThat(labelsOutsideTheCanvas(radar)).as("labels cut at the canvas edge at 960 px").isEmpty();

        // follows the element's size (ResizeObserver)
        js.executeScript("arguments[0].style.width = '600px'", radar);
        wait.until(d -> ((Number) js.executeScript(
                "return arguments[0].shadowRoot.querySelector('canvas').getBoundingClientRect().width", radar))
                .doubleValue() == 600.0);
        // the names' layout follows the width too (narrower: wrapped, still inside)
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "return arguments[0].chart.getOption().radar[0].axisName.fontSize === 11", radar)));
        assertThat(labelsOutsideTheCanvas(radar)).as("labels cut at the canvas edge at 600 px").isEmpty();
        // disposed when removed from the page: ECharts empties its container
        assertThat(js.executeScript("""
                const root = arguments[0].shadowRoot;
                arguments[0].remove();
                return root.querySelector('canvas') === null;""", radar)).isEqualTo(true);
    }

    /**
     * On a phone (Chromium's mobile emulation, 390 px) the 14 role names are drawn smaller, long ones on two or more
     * lines, and every text ECharts draws lies inside the canvas: nothing is cut at its edges (issue 11).
     */
    @Test
    void onAPhoneTheRoleNamesAreReadableAndInsideTheCanvas() throws Exception {
        WebDriver phone = Browser.startPhone();
        try {
            WebDriverWait wait = Browser.waitFor(phone);
            JavascriptExecutor js = (JavascriptExecutor) phone;
            phone.get("http://localhost:" + port + "/test/radar");
            WebElement radar = wait.until(d -> d.findElement(By.cssSelector("role-radar")));
            // the test page is 960 px wide: make it as wide as the phone's window, as the app's pages are
            js.executeScript("arguments[0].parentElement.style.width = 'auto'", radar);
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return !!arguments[0].chart && arguments[0].chart.getWidth() <= 390", radar)));
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return arguments[0].chart.getOption().radar[0].axisName.fontSize === 10", radar)));
            Thread.sleep(1500); // the entry animation moves the labels
            assertThat(labelsOutsideTheCanvas(radar, js)).as("labels cut at the canvas edge on a phone").isEmpty();
            @SuppressWarnings("unchecked")
            java.util.List<String> texts = (java.util.List<String>) js.executeScript(TEXTS, radar);
            // 介護・福祉との連携 and 休日夜間・24時間対応 are broken after 「・」, every name is still there
            assertThat(texts).contains("介護・", "診診連携", "その他");
            // lines of at most 5 characters, 6 where a lone last character joined them (連携 kept together)
            assertThat(texts).noneMatch(t -> t.length() > 6 && t.matches("[^\\x00-\\x7F]+"));
            assertThat(texts).noneMatch(t -> t.length() == 1 && t.matches("[^\\x00-\\x7F]"));
            Files.copy(radar.getScreenshotAs(OutputType.FILE).toPath(),
                    Files.createDirectories(Path.of("target/screenshots")).resolve("radar-phone.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Browser.assertNoCspViolations(phone);
        } finally {
            Browser.release(phone);
        }
    }

    /** The lines of text ECharts has drawn (zrender's display list: one element per line). */
    static final String TEXTS = """
            const chart = arguments[0].chart;
            return chart.getZr().storage.getDisplayList(true)
                .filter(el => el.style && typeof el.style.text === 'string' && el.style.text.trim() && !el.invisible)
                .map(el => el.style.text);""";

    private List<String> labelsOutsideTheCanvas(WebElement radar) {
        return labelsOutsideTheCanvas(radar, (JavascriptExecutor) driver);
    }

    /** Each drawn text whose box (after its transform) is not wholly inside the canvas, with that box. */
    @SuppressWarnings("unchecked")
    static List<String> labelsOutsideTheCanvas(WebElement radar, JavascriptExecutor js) {
        return (List<String>) js.executeScript("""
                const chart = arguments[0].chart;
                const w = chart.getWidth(), h = chart.getHeight();
                const out = [];
                let seen = 0;
                for (const el of chart.getZr().storage.getDisplayList(true)) {
                  if (!el.style || typeof el.style.text !== 'string' || !el.style.text.trim() || el.invisible) continue;
                  seen++;
                  const r = el.getBoundingRect().clone();
                  const m = el.getComputedTransform ? el.getComputedTransform() : el.transform;
                  if (m) r.applyTransform(m);
                  if (r.x < 0 || r.y < 0 || r.x + r.width > w || r.y + r.height > h) {
                    out.push(el.style.text + ' at ' + [r.x, r.y, r.width, r.height].map(Math.round).join(','));
                  }
                }
                if (seen < 14) out.push('only ' + seen + ' texts drawn');
                return out;""", radar);
    }
}
