package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium for the browser tests. Skipped where it is not installed, unless {@code -Dbrowser.required=true}
 * (set by .ci/run) turns that into a failure. No browser is ever downloaded.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static WebDriver start(int width, int height) throws Exception {
        return start(width, height, options -> { });
    }

    static WebDriver start(int width, int height, java.util.function.Consumer<ChromeOptions> more) throws Exception {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("browser.required is set but " + CHROMIUM + " / " + CHROMEDRIVER + " are missing");
        }
        Assumptions.assumeTrue(available, "Chromium not installed: apt-get install chromium chromium-driver fonts-noto-cjk");
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory("kkf-chromium").toAbsolutePath());
        // the console log is read by assertNoCspViolations
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    /**
     * A phone: Chromium's own mobile emulation at 390×844 CSS pixels (Emulation.setDeviceMetricsOverride), since a
     * headless window cannot be made narrower than about 500 px.
     */
    static WebDriver startPhone() throws Exception {
        return start(500, 900, options -> options.setExperimentalOption("mobileEmulation",
                java.util.Map.of("deviceMetrics", java.util.Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT,
                        "pixelRatio", 1.0, "touch", true, "mobile", true))));
    }

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    /**
     * Fails when the page scrolls sideways: the document wider than the window, the app layout's content area
     * (which scrolls instead of the document) wider than itself, or any visible element standing past the right
     * edge. A grid may scroll inside its own box, so its cells do not count.
     */
    static void assertNoSidewaysScroll(WebDriver driver, String what) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> m = (java.util.Map<String, Object>) js.executeScript("""
                const width = window.innerWidth;
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
                // inside a box that scrolls or clips sideways within the window, an element does not widen the page
                const clipped = new Map();
                const insideClip = (e) => {
                  const p = e.parentElement;
                  if (!p || p === document.body) return false;
                  if (clipped.has(p)) return clipped.get(p);
                  const style = getComputedStyle(p);
                  const result = (style.overflowX !== 'visible' && p.getBoundingClientRect().right <= width) || insideClip(p);
                  clipped.set(p, result);
                  return result;
                };
                let worst = 0, culprit = '';
                for (const e of document.querySelectorAll('body *')) {
                  if (e.closest('vaadin-grid') || e.offsetParent === null || insideClip(e)) continue;
                  const over = e.getBoundingClientRect().right - width;
                  if (over > worst) {
                    worst = over;
                    culprit = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '');
                  }
                }
                return {width: width, documentWidth: document.documentElement.scrollWidth,
                        contentOverflow: content ? content.scrollWidth - content.clientWidth : 0,
                        beyond: Math.round(worst), culprit: culprit};""");
        long width = ((Number) m.get("width")).longValue();
        assertThat(((Number) m.get("documentWidth")).longValue()).as(what + ": document scroll width").isLessThanOrEqualTo(width);
        assertThat(((Number) m.get("beyond")).longValue()).as(what + ": pixels beyond the right edge (" + m.get("culprit") + ")")
                .isLessThanOrEqualTo(0);
        // checked after the culprit search, which names the element
        assertThat(((Number) m.get("contentOverflow")).longValue()).as(what + ": app layout content scrolls sideways").isLessThanOrEqualTo(0);
    }

    /** Waits for a condition; an element Vaadin re-rendered between finding and reading it is looked up again. */
    static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Logs in through the real login form. */
    static void login(WebDriver driver, int port, String username, String password) {
        WebDriverWait wait = waitFor(driver);
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> d.findElement(By.cssSelector("input[name=username]"))).sendKeys(username);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Fails when Chromium refused anything because of the Content-Security-Policy since the last call: it reports
     * every refusal (script, eval, style, image, connection, form action) in the console log as
     * "... violates the following Content Security Policy directive ...".
     */
    static void assertNoCspViolations(WebDriver driver) {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).as("CSP violations in Chromium's console").isEmpty();
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        // Copilot (development mode only, never in the production jar) pops up 「App is running in development mode」
        // over the page: the screenshots in docs/ are of the app, not of the development tools
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('body > *').forEach(e => {"
                + " const tag = e.tagName.toLowerCase();"
                + " if (tag.startsWith('copilot-') || tag === 'vaadin-dev-tools') e.style.setProperty('display', 'none', 'important');"
                + "});");
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
