package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.peers.service.PeerService;
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
 * 「同じような施設との比較」 on the result page in Chromium, with the real statistics: a director reads what counting
 * means, takes part, sees the default group (chart and table), the similar facilities, a group of her own and a tiny
 * group's withheld message, then stops taking part after confirming. The same page on a phone (no sideways scroll,
 * the table's folded columns) and in English. Screenshots: peers-desktop.png, peers-phone.png, peers-en.png
 * (target/screenshots, copied to docs/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeersBrowserTest {

    /** Consenting clinics besides the director's: with hers, above the threshold of 10 in the default group. */
    static final int PEERS = 11;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PeerService peers;

    final List<WebDriver> drivers = new ArrayList<>();
    String director;
    long roundId;

    @BeforeEach
    void clinicsLikeHers() {
        // the Fixtures' clinics all stand in 千葉県 (関東) as 地方都市: one default group
        for (int i = 0; i < PEERS; i++) {
            FacilityProfile peer = fixtures.facility(FacilityKind.CLINIC);
            fixtures.member(peer, MemberRole.EDITOR);
            int shift = i % 5;
            fixtures.submitRound(peer.id(), role -> (role.ordinal() + shift) % 5, role -> false);
            peers.setConsent(peer.id(), true);
        }
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        director = fixtures.member(clinic, MemberRole.EDITOR);
        roundId = fixtures.submitRound(clinic.id(), role -> role == RoleCode.HOME_CARE ? 4 : 2, role -> false);
        Fixtures.anonymous();
    }

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        drivers.forEach(Browser::release);
    }

    @Test
    void aDirectorTakesPartComparesChoosesAGroupAndStopsAgain() throws Exception {
        WebDriver desktop = open(1366, 900, false);
        WebDriverWait wait = Browser.waitFor(desktop);
        WebElement section = wait.until(d -> d.findElement(By.cssSelector(".peers-section")));
        assertThat(section.getText()).contains("同じような施設との比較", "現在: 参加していません", "施設名・市区町村・ID",
                "比較は、自院も数に入れることを選んだ施設にだけ表示します");
        assertThat(desktop.findElements(By.cssSelector(".peer-table"))).as("give to get").isEmpty();

        click(desktop, desktop.findElement(By.cssSelector(".peer-consent-button")));
        wait.until(d -> d.findElement(By.cssSelector(".peer-consent-done")).getText().startsWith("比較に参加しました"));
        WebElement about = wait.until(d -> d.findElement(By.cssSelector(".peer-result .peer-about")));
        assertThat(about.getText()).endsWith("診療所・地方都市・関東");
        assertThat(desktop.findElement(By.cssSelector(".peer-result .peer-size")).getText()).containsPattern("\\d+ 施設");
        // the chart has a box per role (every role answered by all) and the director's dot
        wait.until(d -> chartRoles(d) == 14);
        assertThat(((Number) js(desktop).executeScript(
                "return document.querySelector('peer-distribution').roles.filter(r => r.q1 !== null && r.own !== null).length"))
                .intValue()).isEqualTo(14);
        assertThat(desktop.findElement(By.cssSelector(".peer-table")).getText()).contains("在宅医療");
        scrollTo(desktop, desktop.findElement(By.cssSelector(".peer-consent-state")));
        Browser.screenshot(desktop, "peers-desktop.png");

        // the similar facilities: counted on opening the tab, never named
        click(desktop, desktop.findElement(By.cssSelector(".peer-tab-recommended")));
        wait.until(d -> d.findElements(By.cssSelector(".peer-result")).stream().filter(WebElement::isDisplayed)
                .anyMatch(r -> r.getText().contains("最も似ている50施設")));

        // a group of her own: the prefecture, then one far away with nobody in it
        click(desktop, desktop.findElement(By.cssSelector(".peer-tab-custom")));
        wait.until(d -> d.findElement(By.cssSelector(".peer-group-form")).isDisplayed());
        choosePrefecture(desktop, "千葉県");
        click(desktop, desktop.findElement(By.cssSelector(".peer-compare")));
        wait.until(d -> d.findElement(By.cssSelector(".peer-group-form .peer-result .peer-about")).getText().contains("千葉県"));
        wait.until(d -> d.findElement(By.cssSelector(".peer-group-form .peer-table")).isDisplayed());
        choosePrefecture(desktop, "沖縄県");
        click(desktop, desktop.findElement(By.cssSelector(".peer-compare")));
        WebElement withheld = wait.until(d -> {
            WebElement w = d.findElement(By.cssSelector(".peer-group-form .peer-withheld"));
            return w.isDisplayed() ? w : null;
        });
        assertThat(withheld.getText()).startsWith("10施設未満のため表示しません");
        assertThat(desktop.findElement(By.cssSelector(".peer-group-form .peer-table")).isDisplayed()).isFalse();
        Browser.assertNoCspViolations(desktop);

        // the same page on a phone: nothing past the right edge, the range and the count folded away
        WebDriver phone = open(0, 0, false);
        WebDriverWait phoneWait = Browser.waitFor(phone);
        phoneWait.until(d -> !d.findElements(By.cssSelector(".peer-result .peer-table")).isEmpty());
        phoneWait.until(d -> chartRoles(d) == 14);
        phoneWait.until(d -> ((Number) js(d).executeScript(
                "return [...document.querySelectorAll('.peer-table vaadin-grid-column')].filter(c => !c.hidden).length"))
                .intValue() == 4);
        Browser.assertNoSidewaysScroll(phone, "peers on a phone");
        scrollTo(phone, phone.findElement(By.cssSelector(".peer-result")));
        Browser.screenshot(phone, "peers-phone.png");

        // in English
        WebDriver english = open(1366, 900, true);
        WebDriverWait englishWait = Browser.waitFor(english);
        WebElement englishAbout = englishWait.until(d -> d.findElement(By.cssSelector(".peer-result .peer-about")));
        assertThat(englishAbout.getText()).endsWith("Clinic / Regional city / Kanto");
        englishWait.until(d -> chartRoles(d) == 14);
        assertThat(english.findElement(By.cssSelector(".peers-section")).getText()).contains("Compared with similar facilities",
                "Now: taking part", "Interquartile range");
        scrollTo(english, english.findElement(By.cssSelector(".peer-consent-state")));
        Browser.screenshot(english, "peers-en.png");

        // she stops taking part, after confirming: the comparisons go at once
        WebElement leave = desktop.findElement(By.cssSelector(".peer-consent-button"));
        assertThat(leave.getText()).isEqualTo("参加をやめる");
        click(desktop, leave);
        WebElement confirm = wait.until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        confirm.click();
        wait.until(d -> d.findElement(By.cssSelector(".peer-consent-done")).getText().startsWith("参加をやめました"));
        assertThat(desktop.findElements(By.cssSelector(".peer-table"))).isEmpty();
        assertThat(desktop.findElement(By.cssSelector(".peers-section")).getText()).contains("現在: 参加していません");
    }

    /** A logged-in browser on the round's result page: width 0 is a phone. */
    private WebDriver open(int width, int height, boolean english) throws Exception {
        WebDriver driver = width == 0 ? Browser.startPhone() : Browser.start(width, height);
        drivers.add(driver);
        if (english) {
            driver.get("http://localhost:" + port + "/login");
            driver.manage().addCookie(new org.openqa.selenium.Cookie("kkf-lang", "en"));
        }
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        driver.get("http://localhost:" + port + "/assessment/profile/" + roundId);
        return driver;
    }

    /** Types the prefecture into the combo box and takes the match, as a person would. */
    private static void choosePrefecture(WebDriver driver, String prefecture) {
        WebElement combo = driver.findElement(By.cssSelector(".peer-group-form vaadin-combo-box"));
        WebElement input = combo.findElement(By.cssSelector("input"));
        scrollTo(driver, combo);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
        input.sendKeys(prefecture);
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(i -> i.isDisplayed() && i.getText().equals(prefecture)));
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        // the combo box's value is an item key: the input shows the label taken
        Browser.waitFor(driver).until(d -> prefecture.equals(input.getDomProperty("value"))
                && !"true".equals(combo.getDomAttribute("opened")));
    }

    private static int chartRoles(WebDriver driver) {
        Object n = js(driver).executeScript("const c = document.querySelector('peer-distribution'); "
                + "return c && c.roles ? c.roles.length : 0");
        return ((Number) n).intValue();
    }

    private static void click(WebDriver driver, WebElement e) {
        scrollTo(driver, e);
        e.click();
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }

    private static void scrollTo(WebDriver driver, WebElement e) {
        js(driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
    }
}
