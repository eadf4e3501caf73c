package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * A clinic director in Debian's Chromium: starts an assessment, answers a role (autosaved), reloads the page and
 * finds the answer again; then the role profile of a submitted round with its radar chart drawn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    @Autowired
    QuestionnaireService questionnaires;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start(1440, 1200);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    /** Every page of this test ran under the Content-Security-Policy without one refusal (issue 10). */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void answerARoleReloadAndFindItSaved() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String director = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.anonymous();
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, director, Fixtures.PASSWORD);

        driver.get("http://localhost:" + port + "/assessment");
        wait.until(d -> d.findElement(By.xpath("//vaadin-button[contains(., '自己評価を始める')]"))).click();
        wait.until(d -> d.getCurrentUrl().contains("/assessment/round/"));
        String roundUrl = driver.getCurrentUrl().replaceAll("\\?.*", "");
        driver.get(roundUrl + "#role-HOME_CARE");
        WebElement homeCare = wait.until(d -> d.findElement(By.id("role-HOME_CARE")));
        List<WebElement> levels = homeCare.findElements(By.cssSelector("vaadin-radio-group vaadin-radio-button"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", levels.get(3));
        levels.get(3).click();
        wait.until(d -> d.findElement(By.cssSelector("#role-HOME_CARE .save-status")).getText().startsWith("保存しました"));
        Browser.screenshot(driver, "questionnaire.png");

        driver.navigate().refresh();
        WebElement again = wait.until(d -> d.findElement(By.id("role-HOME_CARE")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // the 4th level button (level 3) is the checked one after the reload
        wait.until(d -> "3".equals(String.valueOf(js.executeScript("""
                const buttons = [...arguments[0].querySelector('vaadin-radio-group').querySelectorAll('vaadin-radio-button')];
                return buttons.findIndex(b => b.checked);""", again))));
        long roundId = Long.parseLong(roundUrl.substring(roundUrl.lastIndexOf('/') + 1));
        Fixtures.as(director);
        assertThat(rounds.round(roundId).answer(RoleCode.HOME_CARE).level()).isEqualTo(3);
    }

    @Test
    void theProfileOfASubmittedRoundShowsTheRadarAndTheTable() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String director = fixtures.member(clinic, MemberRole.EDITOR);
        long first = submit(clinic, 1);
        long second = submit(clinic, 3);
        Fixtures.anonymous();
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        WebDriverWait wait = Browser.waitFor(driver);
        driver.get("http://localhost:" + port + "/assessment/profile/" + second);
        WebElement radar = wait.until(d -> d.findElement(By.cssSelector("role-radar")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!arguments[0].shadowRoot && !!arguments[0].shadowRoot.querySelector('canvas')", radar)));
        WebElement table = driver.findElement(By.cssSelector("vaadin-grid"));
        wait.until(d -> Long.valueOf(14).equals(js.executeScript("return arguments[0].size", table)));
        Thread.sleep(1500); // ECharts animates the first draw
        Browser.screenshot(driver, "profile.png");
        assertThat(first).isLessThan(second);

        // recommendations below: overlay the most similar case on the radar
        WebElement firstCard = wait.until(d -> d.findElement(By.cssSelector(".case-card")));
        WebElement overlay = firstCard.findElement(By.tagName("vaadin-button"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", overlay);
        overlay.click();
        js.executeScript("arguments[0].scrollIntoView({block: 'start'})", radar);
        wait.until(d -> Long.valueOf(3).equals(js.executeScript(
                "return arguments[0].series ? arguments[0].series.length : 0", radar)));
        Thread.sleep(1000);
        Browser.screenshot(driver, "profile-overlay.png");
        js.executeScript("arguments[0].scrollIntoView({block: 'start'})", firstCard);
        Thread.sleep(300);
        Browser.screenshot(driver, "recommendations.png");
    }

    private long submit(FacilityProfile clinic, int level) {
        RoundView round = rounds.startRound(clinic.id());
        for (RoleQuestion q : rounds.questionnaire(round.summary().id()).roles()) {
            Map<String, AnswerValue> values = new LinkedHashMap<>();
            for (Indicator i : q.indicators()) {
                values.put(i.code(), switch (i.type()) {
                    case YES_NO -> AnswerValue.of(level > 2 ? Choice.YES : Choice.NO);
                    case NUMBER -> AnswerValue.of(BigDecimal.valueOf(i.fullCredit() * level / 4));
                    default -> AnswerValue.of(level > 2 ? Choice.of(i.type()).getLast() : Choice.of(i.type()).get(1));
                });
            }
            long version = rounds.round(round.summary().id()).answer(q.roleCode()).version();
            rounds.saveRoleAnswer(round.summary().id(), q.roleCode(), version, new RoleAnswerInput(level, false, null, values));
        }
        return submissions.submit(round.summary().id()).summary().id();
    }
}
