package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.PreparationView;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 報告準備 page in Chromium, at 1366×900 and on a phone (390×844): an editor starts the year's preparation from
 * the navigation, answers a choice, a number typed in full-width digits, a list of names, sees each saved, confirms the
 * carried and the pre-filled answers with 「変更なし」 and submits. axe finds nothing, the page never scrolls sideways,
 * and on the phone the controls are at least 44 px high. Screenshots report-preparation.png and
 * report-preparation-phone.png (target/screenshots, copied to docs/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportPreparationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportPreparationService preparations;

    @Autowired
    ReportEditionService editions;

    WebDriver driver;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.assertNoCspViolations(driver);
            Browser.release(driver);
        }
    }

    private record Setup(long facilityId, String editor, int year) {
    }

    /**
     * A clinic whose editor prepared last season's report (one answer, 在宅当番医制 有り(月1回)) and submitted it:
     * this season starts with that answer carried, to be confirmed.
     */
    private Setup clinic() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        int year = preparations.currentReportYear();
        PreparationView last = preparations.start(clinic.id(), year - 1);
        last = preparations.save(clinic.id(), year - 1, last.version(), Map.of("NO2A.ROTA", AnswerInput.choice(3)));
        preparations.submit(clinic.id(), year - 1, last.version());
        Fixtures.anonymous();
        return new Setup(clinic.id(), editor, year);
    }

    @Test
    void anEditorPreparesTheReportOnADesk() throws Exception {
        Setup setup = clinic();
        driver = Browser.start(1366, 900);
        walk(setup, "report-preparation.png");
    }

    @Test
    void anEditorPreparesTheReportOnAPhone() throws Exception {
        Setup setup = clinic();
        driver = Browser.startPhone();
        walk(setup, "report-preparation-phone.png");
    }

    private void walk(Setup setup, String screenshot) throws Exception {
        WebDriverWait wait = Browser.waitFor(driver);
        boolean phone = screenshot.contains("phone");
        Browser.login(driver, port, setup.editor(), Fixtures.PASSWORD);
        if (phone) {
            driver.get("http://localhost:" + port + "/report-preparation");
        } else {
            // from the navigation, as a director would
            driver.get("http://localhost:" + port + "/assessment");
            click(wait.until(d -> d.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                    .filter(i -> i.getText().contains("機能報告の準備")).findFirst().orElse(null)));
        }
        WebElement start = wait.until(d -> d.findElement(By.cssSelector("vaadin-button.prep-start-button")));
        int year = setup.year();
        assertThat(text()).contains(year + "年 かかりつけ医機能報告の準備（" + year + "年1〜3月に報告）",
                (year - 1) + "年の準備の回答");
        var edition = editions.forReportYear(year);
        if (edition.year() < year) {
            assertThat(text()).contains(edition.year() + "年の報告項目で準備しています");
        }
        Axe.assertNoViolations(driver, "report preparation, not started" + (phone ? " (phone)" : ""));
        click(start);

        wait.until(d -> d.findElement(By.id("item-NO1-POSTING")));
        idle(wait);
        // every (★) item answered with a choice that fulfils it, each saved at once; then 1号 is met
        for (ReportItem item : edition.items()) {
            if (!item.requiredForNo1()) {
                continue;
            }
            ReportChoice fulfils = item.choices().stream().filter(ReportChoice::fulfils).findFirst().orElseThrow();
            String id = "item-" + item.code().replace('.', '-');
            String label = fulfils.code() + ": " + fulfils.labelJa();
            WebElement card = driver.findElement(By.id(id));
            click(switch (item.type()) {
                case SINGLE_CHOICE -> radio(card, label);
                case MULTI_CHOICE -> checkbox(card, label);
                default -> throw new AssertionError("a (★) item answered otherwise: " + item.code());
            });
            waitSaved(wait, id);
        }
        wait.until(d -> textOf("prep-no1").contains("1号機能の要件を満たしています"));
        // a number typed in full-width digits, once its condition (No.4 有り) holds
        click(radio(driver.findElement(By.id("item-NO1-GP_SPECIALIST")), "1: 有り"));
        waitSaved(wait, "item-NO1-GP_SPECIALIST");
        WebElement fte = wait.until(d -> {
            WebElement item = d.findElement(By.id("item-NO1-GP_SPECIALIST_FTE"));
            return item.isDisplayed() ? item : null;
        });
        WebElement fteInput = fte.findElement(By.cssSelector("vaadin-text-field input"));
        scroll(fteInput);
        fteInput.sendKeys("１．５");
        fteInput.sendKeys(Keys.TAB);
        waitSaved(wait, "item-NO1-GP_SPECIALIST_FTE");
        wait.until(d -> "1.5".equals(d.findElement(By.cssSelector("#item-NO1-GP_SPECIALIST_FTE vaadin-text-field input")).getDomProperty("value")));
        // a list of names: add a row, type, leave the field
        click(driver.findElement(By.cssSelector("#item-NO2A-PARTNERS vaadin-button.prep-names-add")));
        WebElement name = wait.until(d -> d.findElement(By.cssSelector("#item-NO2A-PARTNERS vaadin-text-field.prep-name input")));
        name.sendKeys("柏中央病院");
        name.sendKeys(Keys.TAB);
        waitSaved(wait, "item-NO2A-PARTNERS");
        // last year's answer (and any answer from the self-assessment): confirmed unchanged
        assertThat(textOf("item-NO2A-ROTA")).contains("前年の回答", "3: 有り(月1回)");
        List<String> toConfirm = driver.findElements(By.cssSelector(".prep-item.unconfirmed")).stream()
                .map(e -> e.getDomAttribute("id")).toList();
        assertThat(toConfirm).contains("item-NO2A-ROTA");
        for (String id : toConfirm) {
            click(driver.findElement(By.cssSelector("#" + id + " vaadin-button.prep-unchanged")));
            wait.until(d -> textOf(id).contains("確認済み"));
        }

        Fixtures.as(setup.editor());
        PreparationView stored = preparations.view(setup.facilityId(), year);
        Fixtures.anonymous();
        assertThat(stored.answers().get("NO1.GP_SPECIALIST_FTE").number()).isEqualByComparingTo("1.5");
        assertThat(stored.answers().get("NO2A.PARTNERS").names()).containsExactly("柏中央病院");
        assertThat(stored.answers().get("NO2A.ROTA").confirmed()).isTrue();
        assertThat(stored.no1().met()).isTrue();
        assertThat(stored.unconfirmed()).isEmpty();

        Browser.assertNoSidewaysScroll(driver, "report preparation" + (phone ? " (phone)" : ""));
        if (phone) {
            assertTouchSized();
        }
        Axe.assertNoViolations(driver, "report preparation, answered" + (phone ? " (phone)" : ""));
        // an item card with its markers (kept in target/screenshots only)
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                driver.findElement(By.id("item-NO2A-ROTA")));
        Browser.screenshot(driver, screenshot.replace(".png", "-item.png"));
        // the top of the page: title, status, download, the 1号 check and the 2号 summary
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                driver.findElement(By.cssSelector(".prep-title")));
        Browser.screenshot(driver, screenshot);

        // the .xlsx for G-MIS comes through the page's own link (same session): a workbook, not an error page
        String download = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.querySelector('a.prep-download');
                fetch(a.href).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                    + Array.from(new Uint8Array(b).slice(0, 2)).join(','))))
                  .catch(e => done('error ' + e));""");
        assertThat(download).isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 80,75");

        WebElement submit = driver.findElement(By.cssSelector("vaadin-button.prep-submit-button"));
        wait.until(d -> submit.getDomAttribute("disabled") == null);
        click(submit);
        click(wait.until(d -> d.findElement(By.cssSelector("vaadin-button.prep-submit-ok"))));
        wait.until(d -> !d.findElements(By.cssSelector(".prep-submitted")).isEmpty());
        Fixtures.as(setup.editor());
        assertThat(preparations.view(setup.facilityId(), year).status()).isEqualTo(PreparationStatus.SUBMITTED);
        Fixtures.anonymous();
        assertThat(driver.findElements(By.cssSelector("vaadin-button.prep-reopen"))).hasSize(1);
        Browser.assertNoSidewaysScroll(driver, "report preparation submitted" + (phone ? " (phone)" : ""));
        copy(screenshot);
    }

    /** On the phone every choice, button and field of the items is at least 44 CSS pixels high (a fingertip). */
    @SuppressWarnings("unchecked")
    private void assertTouchSized() {
        List<Map<String, Object>> small = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                const out = [];
                for (const e of document.querySelectorAll('.prep-item vaadin-radio-button, .prep-item vaadin-checkbox,'
                    + ' .prep-item vaadin-button, .prep-item vaadin-text-field, .prep-view vaadin-button.prep-link,'
                    + ' .prep-start-button, .prep-submit-button')) {
                  if (e.offsetParent === null) continue;
                  const r = e.getBoundingClientRect();
                  if (r.height < 44) out.push({what: e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 20), h: r.height});
                }
                return out;""");
        assertThat(small).as("controls lower than 44 px on the phone").isEmpty();
    }

    private WebElement radio(WebElement item, String label) {
        return item.findElements(By.cssSelector("vaadin-radio-button")).stream().filter(r -> r.getDomProperty("textContent").strip().equals(label))
                .map(r -> r.findElement(By.cssSelector("label"))).findFirst().orElseThrow(() -> new AssertionError("no radio " + label + " in " + item.getText()));
    }

    private WebElement checkbox(WebElement item, String label) {
        return item.findElements(By.cssSelector("vaadin-checkbox")).stream().filter(r -> r.getDomProperty("textContent").strip().equals(label))
                .map(r -> r.findElement(By.cssSelector("label"))).findFirst().orElseThrow(() -> new AssertionError("no checkbox " + label + " in " + item.getText()));
    }

    private void waitSaved(WebDriverWait wait, String itemId) {
        idle(wait);
        wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript("const s = document.querySelector('#' + arguments[0]"
                + " + ' .prep-item-status'); return s.hasAttribute('saving') ? '' : s.querySelector('.prep-saved').textContent", itemId)).matches("(保存しました|変更なしで確認しました) \\d\\d:\\d\\d"));
    }

    private void click(WebElement element) {
        scroll(element);
        element.click();
    }

    private void scroll(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** The text of an element (Selenium's getText leaves out what AppLayout's scrolling area has scrolled away). */
    private String textOf(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).textContent", id);
    }

    private String text() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    /** Waits until Vaadin has no request in flight (the autosave answered). */
    private static void idle(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && !Object.values(clients).some(c => c.isActive && c.isActive());""")));
    }

    private static void copy(String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        if (Files.exists(shot) && Files.isDirectory(Path.of("docs/screenshots"))) {
            Files.copy(shot, Path.of("docs/screenshots", name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
