package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11's walk, measured: a new editor of a new clinic logs in, does a first assessment on the quick path (all 14
 * levels, two priorities), submits and sees the result; then a reassessment confirming 「変更なし」 on every role. Per
 * walk it counts the screens before the result, the required answers, the clicks and the characters on screen
 * ({@code document.body.innerText.length} summed over the screens), asserts the limits and writes the figures
 * to target/ux-figures.md (docs/ux.md quotes them). A second test opens the questionnaire on a phone: no sideways
 * scrolling, labels not cut, the progress label on one line, {@code #role-CODE} scrolled into view on a direct load.
 * Screenshots: quick-path-desktop.png, review.png, reassessment.png, quick-path-phone.png (target/screenshots, and
 * docs/screenshots when run from the project).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickPathBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;

    WebDriver driver;

    static final String SCROLL_TOP = """
            const layout = document.querySelector('vaadin-app-layout');
            const part = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
            return Math.round(Math.max(window.scrollY, part ? part.scrollTop : 0));""";

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    /** What one walk cost the user. */
    static final class Walk {
        final String name;
        int screens;
        int answers;
        int clicks;
        long characters;
        final List<String> screenNames = new ArrayList<>();
        WebElement heading;

        Walk(String name) {
            this.name = name;
        }
    }

    @Test
    void aNewEditorDoesAFirstAssessmentAndAReassessmentOnTheQuickPath() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String director = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.anonymous();
        driver = Browser.start(1366, 900);
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, director, Fixtures.PASSWORD);

        // the first run: a new clinic is not promised answers to carry over
        Walk first = new Walk("first");
        driver.get(url("/assessment"));
        click(first, wait.until(d -> button(d, "自己評価を始める")));
        wait.until(d -> d.getCurrentUrl().contains("/assessment/round/"));
        String roundUrl = driver.getCurrentUrl().replaceAll("[?#].*", "");
        int priorities = 0;
        while (true) {
            List<WebElement> cards = screen(first, wait);
            if (review()) {
                break;
            }
            if (!cards.isEmpty() && priorities == 0) {
                Browser.screenshot(driver, "quick-path-desktop.png");
                // keyboard: the first role answered with Tab, arrow keys and Space only
                answerByKeyboard(cards.getFirst());
                first.answers += 2;
                priorities++;
                cards = cards.subList(1, cards.size());
            }
            for (WebElement card : cards) {
                WebElement level = card.findElements(By.cssSelector(".level-group vaadin-radio-button")).get(2);
                click(first, level);
                first.answers++;
                idle(wait);
                if (priorities < 2 && card.getDomAttribute("id").equals("role-HOME_CARE")) {
                    click(first, card.findElement(By.cssSelector("vaadin-checkbox")));
                    first.answers++;
                    priorities++;
                    idle(wait);
                }
            }
            click(first, button(driver, "次へ"));
        }
        assertThat(priorities).isEqualTo(2);
        assertThat(text(driver)).contains("未回答・未確認・保存されていない項目はありません");
        Browser.screenshot(driver, "review.png");
        submit(first, wait);

        // the reassessment: every role confirmed unchanged
        Walk again = new Walk("reassessment");
        driver.get(url("/assessment"));
        click(again, wait.until(d -> button(d, "前回の回答を引き継いで始める")));
        wait.until(d -> d.getCurrentUrl().contains("/assessment/round/") && !d.getCurrentUrl().replaceAll("[?#].*", "").equals(roundUrl));
        while (true) {
            List<WebElement> cards = screen(again, wait);
            if (review()) {
                break;
            }
            assertThat(driver.findElements(By.cssSelector(".role-editor.unconfirmed"))).hasSize(cards.size());
            if (again.screens == 1) {
                Browser.screenshot(driver, "reassessment.png");
            }
            for (WebElement card : cards) {
                click(again, card.findElement(By.cssSelector("vaadin-button.unchanged-button")));
                again.answers++;
                idle(wait);
            }
            assertThat(driver.findElements(By.cssSelector(".role-editor.unconfirmed"))).isEmpty();
            click(again, button(driver, "次へ"));
        }
        assertThat(text(driver)).contains("前回からの変更はありません");
        submit(again, wait);

        // the limits: at most 14 levels plus priorities and 3 screens; at most 14 confirmations
        assertThat(first.answers).isLessThanOrEqualTo(14 + 2);
        assertThat(first.screens).isLessThanOrEqualTo(3);
        assertThat(again.answers).isLessThanOrEqualTo(14);
        assertThat(again.screens).isLessThanOrEqualTo(3);
        writeFigures(first, again);
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void theQuestionnaireFitsAPhoneAndOpensAtTheRoleAsked() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String director = fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = rounds.startRound(clinic.id());
        long roundId = round.summary().id();
        Fixtures.anonymous();
        driver = Browser.start(390, 844);
        // as a phone reports itself (headless Chromium keeps a wider minimum window otherwise)
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(400);

        driver.get(url("/assessment/round/" + roundId));
        wait.until(d -> !d.findElements(By.cssSelector(".step-heading")).isEmpty());
        idle(wait);
        int steps = driver.findElements(By.cssSelector(".step-nav vaadin-button")).size();
        boolean phoneShot = false;
        for (int step = 1; step <= steps; step++) {
            driver.get(url("/assessment/round/" + roundId + "?step=" + step));
            wait.until(d -> !d.findElements(By.cssSelector(".step-heading")).isEmpty());
            idle(wait);
            // open every 詳しく答える so that the indicators' labels are measured too
            js.executeScript("document.querySelectorAll('vaadin-details.role-details').forEach(d => d.opened = true)");
            idle(wait);
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .as("sideways scrolling on step " + step).isLessThanOrEqualTo(0);
            // nothing stands past the right edge (named, so that a failure says what)
            assertThat(String.valueOf(js.executeScript("""
                    const width = document.documentElement.clientWidth;
                    let worst = 0, what = '';
                    for (const e of document.querySelectorAll('.questionnaire-view *')) {
                      if (e.offsetParent === null) continue;
                      const over = e.getBoundingClientRect().right - width;
                      if (over > worst) {
                        worst = over;
                        what = e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40);
                      }
                    }
                    return worst > 0.5 ? Math.round(worst) + 'px ' + what : '';"""))).as("past the right edge on step " + step).isEmpty();
            // labels of number fields wrap instead of being cut
            assertThat(((Number) js.executeScript("""
                    let cut = 0;
                    for (const l of document.querySelectorAll('.indicator vaadin-text-field > label')) {
                      if (l.offsetParent !== null && l.scrollWidth > l.clientWidth + 1) cut++;
                    }
                    return cut;""")).intValue()).as("cut labels on step " + step).isZero();
            // the progress label is one line: 「0 / 14 役割 回答済み」 never breaks mid-phrase
            assertThat(((Number) js.executeScript("""
                    const p = document.querySelector('.progress-text');
                    return Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));""")).intValue())
                    .isEqualTo(1);
            if (!phoneShot && !driver.findElements(By.cssSelector(".role-editor")).isEmpty()) {
                phoneShot = true;
                js.executeScript("document.querySelectorAll('vaadin-details.role-details').forEach(d => d.opened = false)");
                js.executeScript("window.scrollTo(0, 0)");
                idle(wait);
                Browser.screenshot(driver, "quick-path-phone.png");
            }
        }

        // a direct load with #role-CODE opens that role's step, scrolled to the role
        // a role in the middle of the second screen (the last one cannot reach the top: nothing below it to scroll)
        String last = "END_OF_LIFE";
        driver.get(url("/assessment/round/" + roundId + "#role-" + last));
        wait.until(d -> !d.findElements(By.id("role-" + last)).isEmpty());
        idle(wait);
        wait.until(d -> {
            Number top = (Number) js.executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top", "role-" + last);
            return top.doubleValue() >= 0 && top.doubleValue() < 200;
        });
        Browser.assertNoCspViolations(driver);
    }

    /** Waits for a questionnaire screen, checks it opened at its top, counts it and its characters; returns its cards. */
    private List<WebElement> screen(Walk walk, WebDriverWait wait) {
        if (walk.heading != null) {
            wait.until(ExpectedConditions.stalenessOf(walk.heading));
        }
        walk.heading = wait.until(d -> d.findElement(By.cssSelector(".step-heading")));
        idle(wait);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // opened at its top: AppLayout's content part is what scrolls (window.scrollY stays 0 whatever happens)
        wait.until(d -> ((Number) js.executeScript(SCROLL_TOP)).intValue() == 0);
        walk.screens++;
        walk.characters += ((Number) js.executeScript("return document.body.innerText.length")).longValue();
        walk.screenNames.add(walk.heading.getDomProperty("textContent"));
        return driver.findElements(By.cssSelector(".questionnaire-view .role-editor"));
    }

    /** Level 2 with the arrow keys and the priority with Space: nothing on the card traps the focus. */
    private void answerByKeyboard(WebElement card) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebElement firstLevel = card.findElement(By.cssSelector(".level-group vaadin-radio-button input"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", firstLevel);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        idle(Browser.waitFor(driver));
        // Tab leaves the radio group for the priority checkbox
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        idle(Browser.waitFor(driver));
        Browser.waitFor(driver).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return arguments[0].querySelector('vaadin-checkbox').checked", card)));
        Browser.waitFor(driver).until(d -> Long.valueOf(2).equals(js.executeScript("""
                const buttons = [...arguments[0].querySelectorAll('.level-group vaadin-radio-button')];
                return buttons.findIndex(b => b.checked);""", card)));
    }

    private boolean review() {
        return !driver.findElements(By.cssSelector(".review-problems")).isEmpty();
    }

    private void submit(Walk walk, WebDriverWait wait) {
        click(walk, button(driver, "提出する"));
        WebElement dialogSubmit = wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay vaadin-button, vaadin-dialog vaadin-button"))
                .stream().filter(b -> b.getText().equals("提出する")).findFirst().orElse(null));
        click(walk, dialogSubmit);
        wait.until(d -> d.getCurrentUrl().contains("/assessment/profile/"));
    }

    private void click(Walk walk, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        walk.clicks++;
    }

    /** Waits until Vaadin has no request in flight (the autosave answered). */
    private static void idle(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && !Object.values(clients).some(c => c.isActive && c.isActive());""")));
    }

    private void writeFigures(Walk first, Walk again) throws Exception {
        String figures = """
                | walk | screens before the result | required answers | clicks | characters on screen |
                |---|---|---|---|---|
                | first assessment (quick path, 14 levels + 2 priorities) | %d | %d | %d | %,d |
                | reassessment, no change (「変更なし」 × 14) | %d | %d | %d | %,d |

                Screens: first %s; reassessment %s.
                """.formatted(first.screens, first.answers, first.clicks, first.characters,
                again.screens, again.answers, again.clicks, again.characters, first.screenNames, again.screenNames);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/ux-figures.md"), figures);
        Path docs = Path.of("docs/screenshots");
        if (Files.isDirectory(docs)) {
            for (String name : List.of("quick-path-desktop.png", "review.png", "reassessment.png")) {
                Files.copy(Path.of("target/screenshots", name), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @AfterEach
    void copyPhoneScreenshot() throws Exception {
        Path shot = Path.of("target/screenshots/quick-path-phone.png");
        if (Files.exists(shot) && Files.isDirectory(Path.of("docs/screenshots"))) {
            Files.copy(shot, Path.of("docs/screenshots/quick-path-phone.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static WebElement button(WebDriver driver, String label) {
        return driver.findElements(By.cssSelector("vaadin-button")).stream().filter(b -> b.getText().equals(label))
                .findFirst().orElse(null);
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
