package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 「これまでの推移」 in Chromium (issue 15): the line chart (role-trend.ts) drawn on the result page of a facility's
 * third submitted round, a role chosen for its indicator answers, at 1366×900 and on a phone (390×844), in Japanese
 * and in English; the page opens at its top and does not scroll sideways (the answer table scrolls inside itself).
 * Screenshots: trend-desktop-ja.png, trend-desktop-en.png, trend-phone-ja.png, trend-phone-en.png (target/screenshots,
 * copied to docs/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrendBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    String editor;
    long latest;

    @BeforeEach
    void setUp() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        editor = fixtures.member(clinic, MemberRole.EDITOR);
        // a facility that assesses itself about once a year (the dates on the chart's axis)
        backdate(submit(clinic, 1, 3), java.time.Duration.ofDays(730));
        backdate(submit(clinic, 2, 8), java.time.Duration.ofDays(365));
        latest = submit(clinic, 3, 15);
        Fixtures.anonymous();
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void desktopInJapanese() throws Exception {
        look(false, "ja", "在宅医療", "これまでの推移", "trend-desktop-ja.png");
    }

    @Test
    void desktopInEnglish() throws Exception {
        look(false, "en", null, "How it has changed", "trend-desktop-en.png");
    }

    @Test
    void phoneInJapanese() throws Exception {
        look(true, "ja", "在宅医療", "これまでの推移", "trend-phone-ja.png");
    }

    @Test
    void phoneInEnglish() throws Exception {
        look(true, "en", null, "How it has changed", "trend-phone-en.png");
    }

    private void look(boolean phone, String lang, String role, String title, String shot) throws Exception {
        WebDriver driver = phone ? Browser.startPhone() : Browser.start(1366, 900);
        try {
            WebDriverWait wait = Browser.waitFor(driver);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            // the first page of a run may wait for the development bundle to be rebuilt with role-trend.ts
            driver.get("http://localhost:" + port + "/login");
            new WebDriverWait(driver, java.time.Duration.ofMinutes(5))
                    .until(d -> d.findElement(By.cssSelector("input[name=username]")));
            if (lang.equals("en")) {
                driver.manage().addCookie(new org.openqa.selenium.Cookie("kkf-lang", "en"));
            }
            Browser.login(driver, port, editor, Fixtures.PASSWORD);
            driver.get("http://localhost:" + port + "/assessment/profile/" + latest);
            WebElement chart = wait.until(d -> d.findElement(By.cssSelector("role-trend")));
            wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return !!arguments[0].shadowRoot && !!arguments[0].shadowRoot.querySelector('canvas')", chart)));
            String countPixels = """
                    const c = arguments[0].shadowRoot.querySelector('canvas');
                    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0;
                    for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; }
                    return n;""";
            wait.until(d -> ((Number) js.executeScript(countPixels, chart)).longValue() > 1000);
            assertThat(((Number) js.executeScript(QuickPathBrowserTest.SCROLL_TOP)).longValue()).as("opens at the top").isZero();
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(((Number) js.executeScript("return arguments[0].series.length", chart)).intValue()).isEqualTo(14);
            assertThat(((Number) js.executeScript("return arguments[0].dates.length", chart)).intValue()).isEqualTo(3);
            // only some lines shown at first: the legend's selection hides the rest
            Number hidden = (Number) js.executeScript(
                    "const s = arguments[0].chart.getOption().legend[0].selected; return Object.values(s).filter(v => !v).length",
                    chart);
            assertThat(hidden.intValue()).isPositive();
            assertThat(driver.findElement(By.cssSelector(".trend-section h3")).getText()).isEqualTo(title);

            // the drill-down: choose a role, its answers appear as a table under the chart
            WebElement select = driver.findElement(By.cssSelector("vaadin-select.trend-role"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
            select.click();
            WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.isDisplayed() && (role == null
                            ? i.getText().toLowerCase(java.util.Locale.ROOT).contains("home") : i.getText().strip().equals(role)))
                    .findFirst().orElse(null));
            item.click();
            WebElement grid = wait.until(d -> d.findElement(By.cssSelector("vaadin-grid.trend-answers")));
            wait.until(d -> !d.findElement(By.cssSelector(".trend-caption")).getText().isBlank());
            Browser.assertNoSidewaysScroll(driver, "trend at " + (phone ? "390" : "1366") + " px, " + lang);
            if (lang.equals("en")) {
                String text = (String) js.executeScript("return document.querySelector('.trend-section').innerText");
                assertThat(text).doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}]");
            }
            // the picture: the section's heading at the top of the window
            js.executeScript("""
                    const h = document.querySelector('.trend-section h3');
                    h.scrollIntoView({block: 'start'});""");
            Thread.sleep(1500); // the chart's entry animation
            Browser.screenshot(driver, shot);
            if (phone) {
                js.executeScript("arguments[0].scrollIntoView({block: 'start'})", grid);
                Thread.sleep(300);
                Browser.screenshot(driver, shot.replace(".png", "-table.png"));
            }
            Browser.assertNoCspViolations(driver);
            Path docs = Path.of("docs/screenshots");
            if (Files.isDirectory(docs)) {
                Files.copy(Path.of("target/screenshots", shot), docs.resolve(shot), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Browser.release(driver);
        }
    }

    @Autowired
    jp.kakaritsuke.assessment.domain.AssessmentRoundRepository roundRepository;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private void backdate(long roundId, java.time.Duration ago) {
        transactions.executeWithoutResult(tx -> roundRepository.findById(roundId).orElseThrow()
                .backdate(roundRepository.findById(roundId).orElseThrow().getSubmittedAt().minus(ago)));
    }

    /** A round: every role at {@code level} (休日夜間 rising faster), 看取り a priority, 在宅医療 with a count. */
    private long submit(FacilityProfile clinic, int level, int visits) {
        Fixtures.as(editor);
        RoundView round = rounds.startRound(clinic.id());
        long id = round.summary().id();
        Indicator count = rounds.questionnaire(id).role(RoleCode.HOME_CARE).orElseThrow().indicators().stream()
                .filter(i -> i.type() == AnswerType.NUMBER).findFirst().orElseThrow();
        for (var a : round.answers()) {
            Map<String, AnswerValue> values = a.roleCode() == RoleCode.HOME_CARE
                    ? Map.of(count.code(), AnswerValue.of(BigDecimal.valueOf(visits))) : Map.of();
            int l = a.roleCode() == RoleCode.OUT_OF_HOURS ? Math.min(4, level + 1) : a.roleCode() == RoleCode.HOME_CARE ? level : 2;
            rounds.saveRoleAnswer(id, a.roleCode(), a.version(),
                    new RoleAnswerInput(l, a.roleCode() == RoleCode.END_OF_LIFE, null, values));
        }
        return submissions.submit(id).summary().id();
    }
}
