package jp.kakaritsuke.associations;

import jp.kakaritsuke.base.InvitationState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import jp.kakaritsuke.associations.domain.AssociationInvitation;
import jp.kakaritsuke.associations.service.AssociationStaffService.Administrator;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.associations.service.AssociationStaffService.InvitationSummary;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Association staff: invitations make someone an administrator (new account or the one they have), whoever sees the
 * association manages its staff, a sibling or a child never does; associations below one's own can be created.
 */
@SpringBootTest
class AssociationStaffTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    AssociationStaffService staff;

    @Autowired
    RollupService rollups;

    @Autowired
    JdbcClient jdbc;

    long pref;
    long city;
    long sibling;
    String prefStaff;
    String cityStaff;

    @BeforeEach
    void hierarchy() {
        Fixtures.asAdmin();
        pref = admin.create("静岡県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "静岡県", null);
        city = admin.create("浜松市医師会", AssociationLevel.MUNICIPAL, "静岡県", pref);
        sibling = admin.create("沼津医師会", AssociationLevel.MUNICIPAL, "静岡県", pref);
        prefStaff = fixtures.associationAdmin(pref);
        cityStaff = fixtures.associationAdmin(city);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void anInviteeSetsTheirPasswordAndThenSeesTheAssociation() {
        Fixtures.as(cityStaff);
        var issued = staff.invite(city, "浜松 事務局 鈴木");
        assertThat(issued.code()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(jdbc.sql("SELECT code_hash FROM association_invitation WHERE id = ?").param(issued.id()).query(String.class).single())
                .isNotEqualTo(issued.code()).hasSize(64);

        Fixtures.anonymous();
        // typed by hand: case and blanks do not matter
        var pending = staff.lookup("  " + issued.code().toLowerCase() + " ");
        assertThat(pending).hasValueSatisfying(p -> {
            assertThat(p.associationName()).isEqualTo("浜松市医師会");
            assertThat(p.inviteeName()).isEqualTo("浜松 事務局 鈴木");
        });
        String username = "hamamatsu" + System.nanoTime();
        assertThatThrownBy(() -> staff.accept(issued.code(), username, "鈴木", Fixtures.mail(username), "short"))
                .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("account.error.password"));
        // the failed attempt used nothing up
        assertThat(staff.lookup(issued.code())).isPresent();
        staff.accept(issued.code(), username, "鈴木", Fixtures.mail(username), Fixtures.PASSWORD);

        assertThat(staff.lookup(issued.code())).isEmpty();
        assertThatThrownBy(() -> staff.accept(issued.code(), username + "x", "鈴木", Fixtures.mail(username + "x"), Fixtures.PASSWORD))
                .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("invitation.error.invalid"));
        Fixtures.as(username);
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(city);
        Fixtures.as(cityStaff);
        assertThat(staff.staff(city).administrators()).extracting(Administrator::username).contains(username, cityStaff);
        // newest first: this one, then the one that made cityStaff an administrator (Fixtures)
        var list = staff.staff(city).invitations();
        assertThat(list).extracting(InvitationSummary::status)
                .containsExactly(InvitationState.ACCEPTED, InvitationState.ACCEPTED);
        // who issued it is on record: the city's administrator
        assertThat(list.getFirst().invitedBy()).isEqualTo("テスト " + cityStaff);
    }

    @Test
    void someoneWithAnAccountAcceptsWithIt() {
        String director = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        Fixtures.as(prefStaff);
        var issued = staff.invite(sibling, "沼津 理事");
        Fixtures.anonymous();
        assertThatThrownBy(() -> staff.acceptAsCurrentUser(issued.code()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        Fixtures.as(director);
        assertThat(rollups.visibleAssociations()).isEmpty();
        staff.acceptAsCurrentUser(issued.code());
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(sibling);
    }

    @Test
    void onlyThoseWhoSeeTheAssociationManageItsStaff() {
        Fixtures.as(cityStaff);
        // a sibling's and the parent's staff are out of reach
        assertThatThrownBy(() -> staff.invite(sibling, "x")).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThatThrownBy(() -> staff.invite(pref, "x")).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThatThrownBy(() -> staff.staff(pref)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        long prefStaffId = userId(prefStaff);
        assertThatThrownBy(() -> staff.removeAdministrator(pref, prefStaffId)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);

        Fixtures.as(prefStaff);
        var toSibling = staff.invite(sibling, "沼津 事務局");
        Fixtures.as(cityStaff);
        assertThatThrownBy(() -> staff.revoke(toSibling.id())).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);

        // the parent's staff manage the child's: remove its administrator
        Fixtures.as(prefStaff);
        long cityStaffId = userId(cityStaff);
        staff.removeAdministrator(city, cityStaffId);
        Fixtures.as(cityStaff);
        assertThat(rollups.visibleAssociations()).isEmpty();
        assertThatThrownBy(() -> staff.invite(city, "x")).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);

        // facility members who are not association staff see nothing
        String director = fixtures.member(fixtures.facility(FacilityKind.CLINIC), MemberRole.EDITOR);
        assertThatThrownBy(() -> staff.staff(city)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        Fixtures.as(director);
        assertThatThrownBy(() -> staff.invite(city, "x")).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
    }

    @Test
    void revokedExpiredAndSelfRemovalAreRefusedClearly() {
        Fixtures.as(prefStaff);
        assertThatThrownBy(() -> staff.invite(pref, " ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("invitation.error.name"));
        assertThatThrownBy(() -> staff.invite(pref, "x".repeat(201))).isInstanceOf(InvalidInputException.class);
        var revoked = staff.invite(pref, "誤送信");
        staff.revoke(revoked.id());
        assertThatThrownBy(() -> staff.revoke(revoked.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationStaff.error.notOpen"));
        var expired = staff.invite(pref, "期限切れ");
        jdbc.sql("UPDATE association_invitation SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), expired.id()).update();

        Fixtures.anonymous();
        for (String code : new String[] {revoked.code(), expired.code(), "NOPE-NOPE-NOPE-NOPE", "", "x".repeat(65)}) {
            assertThat(staff.lookup(code)).isEmpty();
            assertThatThrownBy(() -> staff.accept(code, "u" + System.nanoTime(), "名前", Fixtures.mail("u" + System.nanoTime()), Fixtures.PASSWORD))
                    .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("invitation.error.invalid"));
        }

        Fixtures.as(prefStaff);
        assertThat(staff.staff(pref).invitations()).extracting(InvitationSummary::status)
                .containsExactly(InvitationState.EXPIRED, InvitationState.REVOKED,
                        InvitationState.ACCEPTED); // the last: prefStaff's own (Fixtures)
        long self = userId(prefStaff);
        assertThatThrownBy(() -> staff.removeAdministrator(pref, self)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationStaff.error.removeSelf"));
        long cityStaffId = userId(cityStaff);
        assertThatThrownBy(() -> staff.removeAdministrator(pref, cityStaffId)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationStaff.error.notAdministrator"));
    }

    @Test
    void associationStaffCreateAssociationsBelowTheirsOnly() {
        Fixtures.as(prefStaff);
        long created = admin.create("磐田市医師会", AssociationLevel.MUNICIPAL, "静岡県", pref);
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).contains(created);
        assertThatThrownBy(() -> admin.create("新県医師会", AssociationLevel.PREFECTURAL, "静岡県", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.create(" ", null, "静岡州", pref)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("association.error.name", "association.error.level",
                        "association.error.prefecture"));

        Fixtures.as(cityStaff);
        assertThatThrownBy(() -> admin.create("別の市医師会", AssociationLevel.MUNICIPAL, "静岡県", pref))
                .isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        // a 郡市区医師会 has nothing below it
        assertThatThrownBy(() -> admin.create("支部", AssociationLevel.MUNICIPAL, "静岡県", city))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Issue 13: an invitation's problems come back at once; a resend kills the old code and starts a new expiry. */
    @Test
    void anInvitationIsResentWithANewCodeAndTheOldOneDies() {
        Fixtures.as(prefStaff);
        assertThatThrownBy(() -> staff.invite(pref, " ", "not an address")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("invitation.error.name", "email.error.invalid"));
        assertThatThrownBy(() -> staff.invite(pref, "=1+1", "a@" + "b".repeat(260) + ".jp"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKeys()).containsExactly("invitation.error.nameFormula", "email.error.tooLong"));
        var first = staff.invite(pref, "静岡 事務局 伊藤");
        assertThat(first.mailedTo()).isEmpty();
        assertThat(first.link().toString()).endsWith("/association-invite/" + first.code());
        var second = staff.resend(first.id());
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(second.expiresAt()).isAfterOrEqualTo(first.expiresAt());
        Fixtures.anonymous();
        assertThat(staff.lookup(first.code())).isEmpty();
        assertThat(staff.lookup(second.code())).hasValueSatisfying(p -> {
            assertThat(p.inviteeName()).isEqualTo("静岡 事務局 伊藤");
            assertThat(p.inviteeEmail()).isEmpty();
        });

        // an expired invitation can be resent and is open again; a revoked or accepted one cannot
        Fixtures.as(prefStaff);
        jdbc.sql("UPDATE association_invitation SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), first.id()).update();
        assertThat(staff.staff(pref).invitations().getFirst().resendable()).isTrue();
        var third = staff.resend(first.id());
        assertThat(staff.staff(pref).invitations().getFirst()).satisfies(i -> {
            assertThat(i.status()).isEqualTo(InvitationState.OPEN);
            assertThat(i.resentAt()).isPresent();
        });
        staff.revoke(first.id());
        assertThatThrownBy(() -> staff.resend(first.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationStaff.error.notOpen"));
        Fixtures.anonymous();
        assertThat(staff.lookup(third.code())).isEmpty();

        // only who sees the association resends
        Fixtures.as(prefStaff);
        var toSibling = staff.invite(sibling, "沼津 事務局");
        Fixtures.as(cityStaff);
        assertThatThrownBy(() -> staff.resend(toSibling.id())).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE association_id = ? AND action = 'INVITATION_RESENT'")
                .param(pref).query(String.class).list()).hasSize(2);
    }

    @Autowired
    jp.kakaritsuke.testsupport.TestMailbox mailbox;

    @Autowired
    jp.kakaritsuke.base.PublicLinks links;

    /**
     * Issue 13: an invitation with an address arrives by mail (through the in-process SMTP server); its link opens the
     * acceptance with the name and address filled in, and works; a resend mails a new link and the old one is dead.
     */
    @Test
    void anInvitationByMailArrivesAndItsLinkIsAccepted() {
        Fixtures.as(cityStaff);
        String local = "hamamatsu.office" + System.nanoTime();
        // typed with a Japanese IME: full-width, mixed case; kept as the one address rule normalises it
        String typed = "  " + (local.toUpperCase() + "@Example.JP").chars()
                .map(c -> c > 0x20 && c < 0x7f ? c + 0xFEE0 : c) // ｈａｍａ．．．＠Ｅｘａｍｐｌｅ．ＪＰ
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + " ";
        String address = local + "@example.jp";
        var issued = staff.invite(city, "浜松 事務局 中村", typed);
        assertThat(issued.mailedTo()).contains(address);

        var mail = mailbox.awaitMail(address, jp.kakaritsuke.mail.service.MailKind.ASSOCIATION_INVITATION);
        assertThat(mail.path()).isEqualTo("association-invite/" + issued.code());
        assertThat(mail.link().toString()).startsWith(links.base() + "/");
        assertThat(mail.subject()).contains("浜松市医師会").contains("Invitation to administer");
        // greets by name, says who invited to what, until when, and what to do if unexpected; Japanese first
        assertThat(mail.body()).contains("浜松 事務局 中村 様").contains("テスト " + cityStaff + " さんが")
                .contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(java.time.ZoneId.of("Asia/Tokyo")).format(issued.expiresAt()))
                .contains("お心当たりのない場合").contains("Dear 浜松 事務局 中村");
        assertThat(mail.body().indexOf("様")).isLessThan(mail.body().indexOf("Dear"));

        Fixtures.anonymous();
        String code = mail.path().substring("association-invite/".length());
        assertThat(staff.lookup(code)).hasValueSatisfying(p -> {
            assertThat(p.inviteeName()).isEqualTo("浜松 事務局 中村");
            assertThat(p.inviteeEmail()).contains(address);
        });

        // the code was lost: resend mails a new link; the old one is dead, the new one works
        Fixtures.as(prefStaff);
        var again = staff.resend(issued.id());
        var second = mailbox.awaitMail(address, jp.kakaritsuke.mail.service.MailKind.ASSOCIATION_INVITATION);
        assertThat(second.path()).isEqualTo("association-invite/" + again.code()).isNotEqualTo(mail.path());
        // the second mail names who resent it
        assertThat(second.body()).contains("テスト " + prefStaff + " さんが");
        Fixtures.anonymous();
        assertThat(staff.lookup(code)).isEmpty();
        String username = "nakamura" + System.nanoTime();
        staff.accept(second.path().substring("association-invite/".length()), username, "中村", address,
                Fixtures.PASSWORD, Fixtures.PASSWORD);
        Fixtures.as(username);
        assertThat(rollups.visibleAssociations()).extracting(a -> a.id()).containsExactly(city);

        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE association_id = ? AND action IN ('INVITATION_ISSUED', 'INVITATION_RESENT')"
                        + " AND subject = '浜松 事務局 中村' ORDER BY id").param(city).query(String.class).list())
                .containsExactly("invitation " + issued.id() + ", by mail", "invitation " + issued.id() + ", by mail");
    }

    /** A refused invitation queues no mail: the mail is written in the invitation's transaction or not at all. */
    @Test
    void aRefusedInvitationSendsNothing() {
        Fixtures.as(cityStaff);
        String address = "nobody" + System.nanoTime() + "@example.jp";
        assertThatThrownBy(() -> staff.invite(city, " ", address)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> staff.invite(pref, "名前", address)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?").param(address).query(Integer.class).single())
                .isZero();
        // without an address, no mail either
        var inPerson = staff.invite(city, "手渡し 太郎", "  ");
        assertThat(inPerson.mailedTo()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE association_id = ? AND kind = 'ASSOCIATION_INVITATION'")
                .param(city).query(Integer.class).single()).isZero();
    }

    /** Issue 13: every problem of the new account at once, the second password included; nothing is kept. */
    @Test
    void acceptingReportsEveryProblemAtOnceAndKeepsNothing() {
        Fixtures.as(cityStaff);
        var issued = staff.invite(city, "浜松 理事");
        Fixtures.anonymous();
        assertThatThrownBy(() -> staff.accept(issued.code(), "x", " ", "nope", "short", "other"))
                .isInstanceOfSatisfying(UserAccountService.AccountException.class, e -> assertThat(e.messageKeys())
                        .containsExactly("account.error.username", "account.error.displayName", "email.error.invalid",
                                "account.error.password", "account.error.mismatch"));
        // all else fine, only the second password differs: no account is made
        String username = "hamakita" + System.nanoTime();
        assertThatThrownBy(() -> staff.accept(issued.code(), username, "浜北", Fixtures.mail(username), Fixtures.PASSWORD,
                Fixtures.PASSWORD + "x"))
                .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                        e -> assertThat(e.messageKeys()).containsExactly("account.error.mismatch"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Integer.class).single()).isZero();
        assertThat(staff.lookup(issued.code())).isPresent();
        // without a valid code nothing is said about the account's fields (which names are taken stays unknown)
        assertThatThrownBy(() -> staff.accept("NOPE-NOPE-NOPE-NOPE", cityStaff, "x", Fixtures.mail(cityStaff), "short", "other"))
                .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                        e -> assertThat(e.messageKeys()).containsExactly("invitation.error.invalid"));
        staff.accept(issued.code(), username, "浜北", Fixtures.mail(username), Fixtures.PASSWORD, Fixtures.PASSWORD);
        assertThat(staff.lookup(issued.code())).isEmpty();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }
}
