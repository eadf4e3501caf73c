package jp.kakaritsuke.browser;

import java.util.function.Function;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.PasswordResetService;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's pages on a phone (390×844): nothing scrolls sideways on the pages people reach from a mail (accepting an
 * invitation, setting a new password), on a director's account and members pages, nor on the administrators' and an
 * association's management pages. Screenshots: members-phone.png, invitation-accept-phone.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeoplePhoneBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    PasswordResetService resets;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    TestMailbox mailbox;

    WebDriver driver;

    @AfterEach
    void stop() {
        Fixtures.anonymous();
        if (driver != null) {
            Browser.release(driver);
        }
    }

    @Test
    void thePeoplePagesFitAPhone() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String director = fixtures.member(clinic, MemberRole.EDITOR);
        fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.asAdmin();
        String invitee = "phone-" + System.nanoTime() + "@example.jp";
        var invitation = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 長い名前の方 (監事)", invitee);
        long association = associations.create("スマホ県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        Fixtures.anonymous();
        resets.request(Fixtures.mail(director)).get();
        String resetLink = mailbox.awaitMail(Fixtures.mail(director), MailKind.PASSWORD_RESET).link().toString();

        driver = Browser.startPhone();
        // reached from a mail, not logged in
        check(invitation.link().toString(), d -> text(d).contains("理事 長い名前の方"), "invitation acceptance");
        Browser.screenshot(driver, "invitation-accept-phone.png");
        check(url("/forgot-password"), d -> !d.findElements(By.cssSelector("vaadin-email-field")).isEmpty(), "forgot password");
        check(resetLink, d -> text(d).contains("新しいパスワードの設定"), "reset password");

        // a director
        Browser.login(driver, port, director, Fixtures.PASSWORD);
        check(url("/account"), d -> text(d).contains("パスワードの変更"), "account page");
        check(url("/facility/" + clinic.id()), d -> text(d).contains("メンバーを招待"), "members page");
        Browser.screenshot(driver, "members-phone.png");

        // the administrator
        driver.manage().deleteAllCookies();
        Browser.login(driver, port, "admin", "test-admin-password");
        check(url("/admin/facilities"), d -> text(d).contains("施設管理"), "facility list");
        check(url("/admin/accounts"), d -> text(d).contains("アカウント管理"), "account list");
        check(url("/admin/outbox"), d -> text(d).contains(invitee) || !d.findElements(By.cssSelector("vaadin-grid")).isEmpty(), "outbox");
        check(url("/associations/staff/" + association), d -> text(d).contains("スマホ県医師会"), "association page");
        Browser.assertNoCspViolations(driver);
    }

    private void check(String address, Function<WebDriver, Boolean> loaded, String what) {
        driver.get(address);
        Browser.waitFor(driver).until(loaded::apply);
        Browser.assertNoSidewaysScroll(driver, what);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }
}
