package jp.kakaritsuke.facility.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.PublicLinks;
import jp.kakaritsuke.base.ui.CopyableText;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import jp.kakaritsuke.testsupport.TestMailbox.ReceivedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The invitation by mail, end to end through the outbox and a real SMTP server (GreenMail): an editor invites with an
 * address on the facility page, the invitee follows the link from the received mail, finds the form filled in and
 * becomes a member; a resend mails a new link and kills the old one; a revoked link is refused.
 */
@SpringBootTest
class FacilityInvitationMailTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    FacilityService facilities;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    PublicLinks links;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    static String address() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    @Test
    void theInviteeFollowsTheMailedLinkAndBecomesAMember() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        String address = address();

        FacilityMembersView page = navigate(FacilityMembersView.class, clinic.id());
        test(page.inviteeName).setValue("看護師 高橋");
        // typed with a Japanese IME: full-width and upper case, kept as one normalised address
        test(page.inviteeEmail).setValue(address.toUpperCase().replace("@", "＠"));
        page.role.setValue(MemberRole.EDITOR);
        test(page.invite).click();
        assertThat(page.issued.getElement().getTextRecursively()).contains("看護師 高橋").contains(address);
        String shownLink = page.issued.getChildren().filter(CopyableText.class::isInstance).map(c -> ((CopyableText) c).getValue())
                .findFirst().orElseThrow();
        assertThat(test(page.pending).getCellText(0, 1)).isEqualTo(address);

        ReceivedMail mail = mailbox.awaitMail(address, MailKind.FACILITY_INVITATION);
        assertThat(mail.subject()).contains(clinic.name()).contains(" / ");
        assertThat(mail.body())
                .contains("看護師 高橋 様")                       // greeted by name
                .contains("テスト " + editor + " さんが")          // who invited
                .contains(clinic.name()).contains("編集者").contains("Editor")
                .contains("心当たりのない場合").contains("If you did not expect")
                .doesNotContain(Fixtures.PASSWORD);
        // the link: from app.public-url, the same as the one shown to the inviter
        assertThat(mail.link().toString()).isEqualTo(shownLink).startsWith(links.base() + "/invite/");

        Fixtures.anonymous();
        InvitationAcceptView accept = navigate(mail.path(), InvitationAcceptView.class);
        assertThat(accept.message.getText()).contains("看護師 高橋").contains(clinic.name());
        assertThat(accept.account.displayName.getValue()).isEqualTo("看護師 高橋");
        assertThat(accept.account.email.getValue()).isEqualTo(address);
        String username = "takahashi" + System.nanoTime();
        test(accept.account.username).setValue(username);
        accept.account.password.setValue(Fixtures.PASSWORD);
        accept.account.confirm.setValue(Fixtures.PASSWORD);
        test(accept.accept).click();
        assertThat(accept.getElement().getTextRecursively()).contains("アカウントを作成しました");

        Fixtures.as(username);
        assertThat(facilities.visibleFacilities()).extracting(FacilityProfile::id).containsExactly(clinic.id());
        assertThat(facilities.members(clinic.id())).anySatisfy(m -> {
            assertThat(m.displayName()).isEqualTo("看護師 高橋");
            assertThat(m.role()).isEqualTo(MemberRole.EDITOR);
        });
        // used: the link from the mail does not work a second time
        Fixtures.anonymous();
        assertThat(invitations.lookup(mail.path().substring("invite/".length()))).isEmpty();
    }

    @Test
    void aResendMailsANewLinkAndTheOldOneIsDeadARevokedOneToo() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        String address = address();
        InvitationService.IssuedInvitation issued = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 小林", address);
        assertThat(issued.mailedTo()).get().hasToString(address);
        ReceivedMail first = mailbox.awaitMail(address, MailKind.FACILITY_INVITATION);
        assertThat(first.path()).isEqualTo("invite/" + issued.code());

        // resent to a corrected address: the new mail goes there, with a new link
        String corrected = address();
        InvitationService.IssuedInvitation resent = invitations.resend(issued.id(), corrected);
        ReceivedMail second = mailbox.awaitMail(corrected, MailKind.FACILITY_INVITATION);
        assertThat(second.path()).isEqualTo("invite/" + resent.code()).isNotEqualTo(first.path());
        assertThat(mailbox.received(address)).hasSize(1);

        Fixtures.anonymous();
        InvitationAcceptView old = navigate(first.path(), InvitationAcceptView.class);
        assertThat(old.message.getText()).isEqualTo("この招待コードは無効か、使用済み、または期限切れです");
        assertThat(old.account.displayName.getValue()).isEmpty();
        InvitationAcceptView fresh = navigate(second.path(), InvitationAcceptView.class);
        assertThat(fresh.account.email.getValue()).isEqualTo(corrected);

        // revoked: the newest link is dead too
        Fixtures.asAdmin();
        invitations.revoke(issued.id());
        Fixtures.anonymous();
        assertThat(invitations.lookup(resent.code())).isEmpty();

        // a refused invitation sends nothing
        Fixtures.asAdmin();
        String never = address();
        assertThatThrownBy(() -> invitations.invite(clinic.id(), MemberRole.VIEWER, "", never))
                .isInstanceOf(InvalidInputException.class);
        assertThat(mailbox.received(never)).isEmpty();
    }
}
