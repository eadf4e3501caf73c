package jp.kakaritsuke.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An association's report-readiness page in Chromium (issue 12): the states and one table per 2号 item with 「x」 where
 * hidden, at desktop width (docs/screenshots/association-report-readiness.png) and on a phone without sideways scroll
 * of the page (the item tables scroll inside themselves).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportReadinessBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AssociationAdminService admin;
    @Autowired
    FacilityService facilities;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    /** 柏市 7 members, 我孫子市 4, 流山市 3: mostly submitted, 輪番 and 主治医意見書 answered in a spread. */
    String association() {
        Fixtures.asAdmin();
        long pref = admin.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        long city = admin.create("東葛北部医師会", AssociationLevel.MUNICIPAL, "千葉県", pref);
        String[] towns = {"柏市", "柏市", "柏市", "柏市", "柏市", "柏市", "柏市", "我孫子市", "我孫子市", "我孫子市", "我孫子市",
            "流山市", "流山市", "流山市"};
        int[] rota = {0, 2, 3, 3, 4, 3, 1, 0, 0, 2, 3, 3, 3, 0};
        int[] opinion = {2, 2, 2, 2, 1, 2, 0, 2, 2, 2, 0, 2, 2, 2};
        String[] status = {"SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "DRAFT", null, "SUBMITTED",
            "SUBMITTED", "SUBMITTED", "DRAFT", "SUBMITTED", "SUBMITTED", "SUBMITTED"};
        Timestamp now = Timestamp.from(Instant.parse("2026-02-01T00:00:00Z"));
        for (int i = 0; i < towns.length; i++) {
            FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
            Fixtures.asAdmin();
            // through the service: associations keep their own copy of the municipality (issue 14, member_state)
            facilities.updateProfile(new FacilityProfile(f.id(), f.version(), f.name(), f.type(), f.prefecture(), towns[i],
                    f.areaType(), f.bedsGeneral(), f.bedsLongTerm(), f.bedsOther(), f.doctorsFullTime(), f.doctorsPartTime(),
                    f.designations()));
            if (i % 4 == 0) {
                facilities.setConsent(f.id(), true);
            }
            admin.addFacility(city, f.id());
            if (status[i] == null) {
                continue;
            }
            boolean submitted = status[i].equals("SUBMITTED");
            jdbc.sql("""
                    INSERT INTO report_preparation (facility_id, report_year, edition_year, status, no1_met, version,
                        created_at, created_by, updated_at, updated_by, submitted_at, submitted_by)
                    VALUES (?, 2026, 2026, ?, ?, 1, ?, 't', ?, 't', ?, ?)""")
                    .params(f.id(), status[i], i != 3, now, now, submitted ? now : null, submitted ? "t" : null).update();
            long id = jdbc.sql("SELECT id FROM report_preparation WHERE facility_id = ?").param(f.id()).query(Long.class).single();
            jdbc.sql("INSERT INTO report_preparation_answer (preparation_id, item_code, choice_codes, origin, confirmed) VALUES (?, 'NO2A.ROTA', ?, 'ENTERED', TRUE)")
                    .params(id, String.valueOf(rota[i])).update();
            jdbc.sql("INSERT INTO report_preparation_answer (preparation_id, item_code, choice_codes, origin, confirmed) VALUES (?, 'NO2D.OPINION_LETTER', ?, 'ENTERED', TRUE)")
                    .params(id, String.valueOf(opinion[i])).update();
        }
        String staff = fixtures.associationAdmin(pref);
        Fixtures.anonymous();
        return staff + "/" + city;
    }

    @Test
    void thePageShowsTheStatesAndTheItemTables() throws Exception {
        String[] who = association().split("/");
        WebDriver driver = Browser.start(1440, 2200);
        try {
            Browser.login(driver, port, who[0], Fixtures.PASSWORD);
            var wait = Browser.waitFor(driver);
            driver.get("http://localhost:" + port + "/associations/rollup/" + who[1]);
            wait.until(d -> d.findElement(By.xpath("//a[contains(., 'かかりつけ医機能報告の準備状況')]"))).click();
            wait.until(d -> d.findElement(By.tagName("h2")).getText().contains("準備状況"));
            driver.get("http://localhost:" + port + "/associations/report-readiness/" + who[1] + "?year=2026");
            wait.until(d -> d.findElement(By.tagName("h2")).getText().contains("2026"));
            wait.until(d -> d.findElements(By.cssSelector("vaadin-grid.readiness-grid")).size() >= 2);
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("医師会は機能報告を行わない");
            Browser.assertNoCspViolations(driver);
            Thread.sleep(1200);
            Browser.screenshot(driver, "association-report-readiness.png");
        } finally {
            Browser.release(driver);
        }
    }

    @Test
    void onAPhoneThePageDoesNotScrollSideways() throws Exception {
        String[] who = association().split("/");
        WebDriver driver = Browser.startPhone();
        try {
            Browser.login(driver, port, who[0], Fixtures.PASSWORD);
            var wait = Browser.waitFor(driver);
            driver.get("http://localhost:" + port + "/associations/report-readiness/" + who[1] + "?year=2026");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-grid.readiness-grid")).size() >= 2);
            Thread.sleep(800);
            Browser.assertNoSidewaysScroll(driver, "report readiness");
            Browser.screenshot(driver, "association-report-readiness-phone.png");
        } finally {
            Browser.release(driver);
        }
    }
}
