package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
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
 * (set by .ci/run) turns that into a failure. No browser is ever downloaded. A test gets a browser as if new from
 * {@link #start} and gives it back with {@link #release}; the suite keeps a few running between tests.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    /**
     * A browser whose window is {@code width}×{@code height}, as if new: no cookies, no storage, one tab on
     * about:blank. Give it back with {@link #release}: it is kept for the next test that asks for the same window.
     */
    static WebDriver start(int width, int height) throws Exception {
        return acquire(new Key(width, height, false));
    }

    /**
     * A phone: Chromium's own mobile emulation at 390×844 CSS pixels (Emulation.setDeviceMetricsOverride), since a
     * headless window cannot be made narrower than about 500 px.
     */
    static WebDriver startPhone() throws Exception {
        return acquire(new Key(500, 900, true));
    }

    /**
     * Gives a browser back (instead of {@code quit()}): it is made as new (its tabs closed for one on about:blank,
     * cookies and storage gone, its window size and console log as at launch) and kept for the next test, so that
     * the suite does not start Chromium and load Vaadin's development bundle into an empty cache for every test
     * (issue 15, docs/testing.md). Its HTTP cache stays, as a person's browser keeps it between visits.
     */
    static synchronized void release(WebDriver driver) {
        Launched launched = LIVE.get(driver);
        if (launched == null) {
            driver.quit();
            return;
        }
        try {
            clean(launched);
            IDLE.addLast(launched);
            while (IDLE.size() > MAX_IDLE) {
                quit(IDLE.removeFirst());
            }
        } catch (RuntimeException e) {
            quit(launched); // a browser that cannot be cleaned is not handed out again
        }
    }

    /** One window configuration: a desktop window of a size, or the emulated phone. */
    private record Key(int width, int height, boolean phone) {
    }

    /** A running browser, its window and the first tab's CDP target as launched. */
    private record Launched(Key key, ChromeDriver driver, Dimension size, Set<String> origins) {
    }

    /** At most this many browsers wait between tests (the sizes used most stay; the rest are quit). */
    private static final int MAX_IDLE = 4;
    private static final Map<WebDriver, Launched> LIVE = new IdentityHashMap<>();
    private static final Deque<Launched> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (Browser.class) {
                List.copyOf(LIVE.values()).forEach(Browser::quit);
            }
        }, "quit-browsers"));
    }

    private static synchronized WebDriver acquire(Key key) throws Exception {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available && Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException("browser.required is set but " + CHROMIUM + " / " + CHROMEDRIVER + " are missing");
        }
        Assumptions.assumeTrue(available, "Chromium not installed: apt-get install chromium chromium-driver fonts-noto-cjk");
        for (var it = IDLE.descendingIterator(); it.hasNext(); ) {
            Launched idle = it.next();
            if (idle.key().equals(key)) {
                it.remove();
                try {
                    idle.driver().getWindowHandle(); // still alive
                    return idle.driver();
                } catch (RuntimeException e) {
                    quit(idle);
                }
            }
        }
        Launched launched = launch(key);
        LIVE.put(launched.driver(), launched);
        return launched.driver();
    }

    private static Launched launch(Key key) throws Exception {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + key.width() + "," + key.height(), "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory("kkf-chromium").toAbsolutePath());
        // the console log is read by assertNoCspViolations
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        if (key.phone()) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH,
                    "height", PHONE_HEIGHT, "pixelRatio", 1.0, "touch", true, "mobile", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        return new Launched(key, driver, driver.manage().window().getSize(), new HashSet<>());
    }

    /** Makes a browser as launched, but for its HTTP cache. */
    private static void clean(Launched launched) {
        ChromeDriver driver = launched.driver();
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException ignored) {
            // none open
        }
        List<String> tabs = List.copyOf(driver.getWindowHandles());
        for (String tab : tabs) {
            String url = driver.switchTo().window(tab).getCurrentUrl();
            if (url != null && url.startsWith("http")) {
                URI uri = URI.create(url);
                launched.origins().add(uri.getScheme() + "://" + uri.getAuthority());
            }
        }
        // a new tab: no session storage, no history, no device override set by a test on the old one
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String tab : tabs) {
            driver.switchTo().window(tab).close();
        }
        driver.switchTo().window(fresh);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : launched.origins()) {
            // local storage, IndexedDB, service workers, Cache API (not the HTTP cache)
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                    "storageTypes", "local_storage,indexeddb,websql,file_systems,service_workers,cache_storage"));
        }
        if (!driver.manage().window().getSize().equals(launched.size())) {
            driver.manage().window().setSize(launched.size());
        }
        driver.manage().logs().get(LogType.BROWSER); // read: assertNoCspViolations sees only the next test's
    }

    private static void quit(Launched launched) {
        LIVE.remove(launched.driver());
        IDLE.remove(launched);
        try {
            launched.driver().quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
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
