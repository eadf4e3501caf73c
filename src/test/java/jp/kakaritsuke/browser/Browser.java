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
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
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
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
