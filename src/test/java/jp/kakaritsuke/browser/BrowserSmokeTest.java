package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real thing in Debian's Chromium: log in, see the matrix with 19 rows, open a case. Leaves a screenshot of
 * the matrix in target/screenshots (docs/screenshots/matrix.png is a copy). Runs where /usr/bin/chromium and
 * /usr/bin/chromedriver exist; .ci/run installs them and sets -Dbrowser.required=true so CI cannot skip it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSmokeTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
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
                "--window-size=1920,1250", "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory("kkf-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void logInSeeTheMatrixAndOpenACase() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement form = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        assertThat(form).isNotNull();
        wait.until(d -> d.findElement(By.cssSelector("input[name=username]"))).sendKeys("admin");
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys("test-admin-password");
        driver.findElement(By.cssSelector("vaadin-button[slot=submit], vaadin-login-form vaadin-button")).click();

        WebElement grid = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> Long.valueOf(19).equals(js.executeScript("return arguments[0].size", grid)));
        wait.until(d -> d.getPageSource().contains("北海道家庭医療学センター"));
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("事例マトリクス");
        Thread.sleep(2500); // let fonts load and the grid finish its column sizing before the picture
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve("matrix.png"), StandardCopyOption.REPLACE_EXISTING);

        driver.get("http://localhost:" + port + "/cases/17");
        wait.until(d -> d.findElements(By.cssSelector(".practice-card")).size() == 4);
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("一般社団法人柏市医師会（柏モデル）");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("case-17.png"),
                StandardCopyOption.REPLACE_EXISTING);

        driver.get("http://localhost:" + port + "/practices");
        WebElement practices = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")));
        wait.until(d -> Long.valueOf(79).equals(js.executeScript("return arguments[0].size", practices)));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("practices.png"),
                StandardCopyOption.REPLACE_EXISTING);

        driver.get("http://localhost:" + port + "/survey");
        WebElement survey = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")));
        wait.until(d -> Long.valueOf(117).equals(js.executeScript("return arguments[0].size", survey)));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("survey.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
