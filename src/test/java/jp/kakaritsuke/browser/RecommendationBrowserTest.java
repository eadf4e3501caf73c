package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
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
 * The result page's recommendations in Debian's Chromium: groups per priority and weak role with a summary quote and
 * its source, 「レーダーに重ねる」 as a toggle that says what it overlays and takes it off again, and at phone width
 * nothing past the right edge (similar-case cards, their tags, the score table). Screenshots: recommendations.png,
 * recommendations-phone.png (target/screenshots, copied to docs/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecommendationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;

    WebDriver driver;
    String director;
    long roundId;

    @BeforeEach
    void submittedRound() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        director = fixtures.member(clinic, MemberRole.EDITOR);
        RoundView round = rounds.startRound(clinic.id());
        for (var a : round.answers()) {
            int level = switch (a.roleCode()) {
                case RoleCode.HOME_CARE, RoleCode.OUT_OF_HOURS -> 4;
                case RoleCode.END_OF_LIFE, RoleCode.MULTIDISCIPLINARY -> 1;
                case RoleCode.MATERNAL_CHILD, RoleCode.OCCUPATIONAL_HEALTH -> 0;
                default -> 3;
            };
            boolean priority = a.roleCode() == RoleCode.HOME_CARE || a.roleCode() == RoleCode.END_OF_LIFE;
            rounds.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                    new RoleAnswerInput(level, priority, null, Map.of()));
        }
        roundId = submissions.submit(round.summary().id()).summary().id();
        Fixtures.anonymous();
    }

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @Test
    void groupsWithSummariesAndAnOverlayThatTogglesOnADesktop() throws Exception {
        driver = Browser.start(1366, 900);
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        driver.get("http://localhost:" + port + "/assessment/profile/" + roundId);
        wait.until(d -> !d.findElements(By.cssSelector(".practice-group")).isEmpty());

        List<WebElement> groups = driver.findElements(By.cssSelector(".practice-group"));
        // the two priorities first, in the roles' order, each with a group of its own; then the weakest roles
        assertThat(groups.subList(0, 2)).extracting(g -> g.getDomAttribute("data-role")).containsExactly("HOME_CARE", "END_OF_LIFE");
        assertThat(groups.subList(0, 2)).allMatch(g -> "PRIORITY".equals(g.getDomAttribute("data-kind")));
        assertThat(groups.get(2).getDomAttribute("data-role")).isIn("MATERNAL_CHILD", "OCCUPATIONAL_HEALTH");
        assertThat(groups.getFirst().getText()).contains("在宅医療（重点）", "次のレベルに上がるには");
        // every practice: a title linking to its place in the case, a summary with its source, one sentence why
        List<WebElement> practices = driver.findElements(By.cssSelector(".recommended-practice"));
        assertThat(practices).isNotEmpty();
        for (WebElement p : practices) {
            assertThat(p.findElement(By.cssSelector("a.practice-title")).getDomAttribute("href")).matches("cases/[^#]+#practice-\\d+");
            assertThat(p.findElement(By.cssSelector(".summary-text")).getText()).isNotBlank();
            assertThat(p.findElement(By.cssSelector(".summary-source")).getText()).containsPattern(" より$|要約（本アプリ作成）");
            assertThat(p.findElement(By.cssSelector(".practice-reason")).getText()).endsWith("。");
        }

        WebElement toggle = driver.findElement(By.cssSelector(".case-card .overlay-toggle"));
        assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", toggle);
        toggle.click();
        wait.until(d -> "true".equals(toggle.getDomAttribute("aria-pressed")));
        assertThat(toggle.getText()).isEqualTo("重ねるのをやめる");
        WebElement legend = driver.findElement(By.cssSelector(".overlay-legend"));
        assertThat(legend.isDisplayed()).isTrue();
        assertThat(legend.getText()).startsWith("レーダーに重ねている事例: 事例");
        assertThat(radarSeriesKinds()).contains("case");
        // the picture: the legend naming the overlaid case, then the groups
        scrollTo(legend);
        Browser.screenshot(driver, "recommendations.png");

        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", toggle);
        toggle.click();
        wait.until(d -> "false".equals(toggle.getDomAttribute("aria-pressed")));
        assertThat(toggle.getText()).isEqualTo("レーダーに重ねる");
        assertThat(radarSeriesKinds()).doesNotContain("case");
        wait.until(d -> !d.findElement(By.cssSelector(".overlay-legend")).isDisplayed());
        Browser.assertNoCspViolations(driver);
    }

    @Test
    void nothingStandsPastTheRightEdgeOnAPhone() throws Exception {
        driver = Browser.start(390, 844);
        WebDriverWait wait = Browser.waitFor(driver);
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        driver.get("http://localhost:" + port + "/assessment/profile/" + roundId);
        wait.until(d -> !d.findElements(By.cssSelector(".practice-group")).isEmpty());
        // the score table drops the previous score and the change on a phone (attach-time width check)
        wait.until(d -> ((Number) js().executeScript(
                "return [...document.querySelectorAll('.role-score-table vaadin-grid-column')].filter(c => !c.hidden).length"))
                .intValue() == 4);
        JavascriptExecutor js = js();
        Number overflow = (Number) js.executeScript("""
                const width = document.documentElement.clientWidth;
                let worst = 0;
                for (const e of document.querySelectorAll('vaadin-app-layout *')) {
                  if (e.closest('vaadin-grid') || e.offsetParent === null) continue;
                  worst = Math.max(worst, e.getBoundingClientRect().right - width);
                }
                return Math.round(worst);""");
        assertThat(overflow.longValue()).as("pixels beyond the right edge").isLessThanOrEqualTo(0);
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue())
                .isLessThanOrEqualTo(0);
        // the score table fits: it does not scroll sideways inside itself either
        Number gridOverflow = (Number) js.executeScript("""
                const g = document.querySelector('.role-score-table');
                const t = g.shadowRoot.querySelector('#table');
                return t.scrollWidth - t.clientWidth;""");
        assertThat(gridOverflow.longValue()).as("score table scrolling sideways").isLessThanOrEqualTo(0);
        // each similar-case card and its tags stay inside the card
        Number tagOverflow = (Number) js.executeScript("""
                let worst = 0;
                for (const card of document.querySelectorAll('.case-card')) {
                  const right = card.getBoundingClientRect().right;
                  for (const e of card.querySelectorAll('*')) worst = Math.max(worst, e.getBoundingClientRect().right - right);
                }
                return Math.round(worst);""");
        assertThat(tagOverflow.longValue()).as("tags beyond their card").isLessThanOrEqualTo(0);
        scrollTo(driver.findElement(By.cssSelector(".practice-group")));
        Browser.screenshot(driver, "recommendations-phone.png");
        Browser.assertNoCspViolations(driver);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private void scrollTo(WebElement e) {
        js().executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
    }

    @SuppressWarnings("unchecked")
    private List<String> radarSeriesKinds() {
        return (List<String>) js().executeScript(
                "return (document.querySelector('role-radar').series || []).map(s => s.kind)");
    }
}
