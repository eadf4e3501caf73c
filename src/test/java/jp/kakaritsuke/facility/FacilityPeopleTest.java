package jp.kakaritsuke.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvitationState;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A facility's people (issue 13): revoking and resending invitations with their states, changing roles, removing
 * members and leaving, never without an editor (also when two editors demote each other at the same moment), and the
 * administrator's searched, paged facility list.
 */
@SpringBootTest
class FacilityPeopleTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    FacilityService facilities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    java.util.List<String> audit(long facilityId, String action) {
        return jdbc.sql("SELECT CONCAT(COALESCE(subject, ''), ' | ', COALESCE(detail, '')) FROM audit_event WHERE facility_id = ? AND action = ? ORDER BY id")
                .params(facilityId, action).query(String.class).list();
    }

    InvitationState state(long facilityId, long invitationId) {
        return invitations.list(facilityId).stream().filter(i -> i.id() == invitationId).findFirst().orElseThrow().state();
    }

    @Test
    void aRevokedInvitationCannotBeAcceptedAndStaysListedAsRevoked() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        InvitationService.IssuedInvitation issued = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 取消");
        assertThat(state(clinic.id(), issued.id())).isEqualTo(InvitationState.OPEN);

        invitations.revoke(issued.id());
        assertThat(state(clinic.id(), issued.id())).isEqualTo(InvitationState.REVOKED);
        assertThat(invitations.lookup(issued.code())).isEmpty();
        Fixtures.anonymous();
        assertThatThrownBy(() -> invitations.accept(issued.code(), "revoked" + System.nanoTime(), "取消",
                Fixtures.mail("revoked" + System.nanoTime()), Fixtures.PASSWORD)).hasMessage("invitation.error.invalid");

        Fixtures.asAdmin();
        // revoked is final: neither revoked again nor resent
        assertThatThrownBy(() -> invitations.revoke(issued.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("invitation.error.notOpen"));
        assertThatThrownBy(() -> invitations.resend(issued.id(), null)).isInstanceOf(InvalidInputException.class);
        assertThat(audit(clinic.id(), "INVITATION_REVOKED")).containsExactly("理事 取消 | invitation " + issued.id());
    }

    @Test
    void aResendGivesANewCodeAndExpiryAndKillsTheOldLinkAlsoForAnExpiredInvitation() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(clinic, MemberRole.EDITOR);
        InvitationService.IssuedInvitation first = invitations.invite(clinic.id(), MemberRole.VIEWER, "理事 再送");
        // the invitation ran out unused
        jdbc.sql("UPDATE invitation SET expires_at = ? WHERE id = ?").params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
                first.id()).update();
        assertThat(state(clinic.id(), first.id())).isEqualTo(InvitationState.EXPIRED);
        assertThat(invitations.lookup(first.code())).isEmpty();

        InvitationService.IssuedInvitation second = invitations.resend(first.id(), "");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(second.expiresAt()).isAfter(Instant.now().plus(java.time.Duration.ofDays(13)));
        assertThat(second.link().toString()).endsWith("/invite/" + second.code());
        assertThat(second.mailedTo()).isEmpty();
        assertThat(state(clinic.id(), first.id())).isEqualTo(InvitationState.OPEN);
        assertThat(invitations.lookup(first.code())).isEmpty();
        assertThat(invitations.lookup(second.code())).isPresent();
        assertThat(audit(clinic.id(), "INVITATION_RESENT")).containsExactly("理事 再送 | invitation " + first.id());

        // a third issue kills the second code too; the newest one is accepted
        InvitationService.IssuedInvitation third = invitations.resend(first.id(), null);
        Fixtures.anonymous();
        String username = "resent" + System.nanoTime();
        assertThatThrownBy(() -> invitations.accept(second.code(), username, "再送", Fixtures.mail(username), Fixtures.PASSWORD))
                .hasMessage("invitation.error.invalid");
        invitations.accept(third.code(), username, "再送", Fixtures.mail(username), Fixtures.PASSWORD);

        Fixtures.asAdmin();
        assertThat(state(clinic.id(), first.id())).isEqualTo(InvitationState.ACCEPTED);
        assertThatThrownBy(() -> invitations.resend(first.id(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKeys()).containsExactly("invitation.error.notOpen"));
        assertThatThrownBy(() -> invitations.revoke(first.id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void editorsInviteAndManageTheirOwnFacilityOnlyViewersNothing() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        // an editor may now invite another editor
        InvitationService.IssuedInvitation issued = invitations.invite(clinic.id(), MemberRole.EDITOR, "副院長");
        Fixtures.as(viewer);
        assertThatThrownBy(() -> invitations.revoke(issued.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.resend(issued.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> facilities.changeRole(clinic.id(), userId(editor), MemberRole.VIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> facilities.removeMember(clinic.id(), userId(editor))).isInstanceOf(AccessDeniedException.class);

        // another facility's editor learns nothing, as for ids that do not exist
        FacilityProfile other = fixtures.facility(FacilityKind.HOSPITAL);
        fixtures.member(other, MemberRole.EDITOR);
        assertThatThrownBy(() -> invitations.revoke(issued.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitations.resend(issued.id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> facilities.removeMember(clinic.id(), userId(viewer))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitations.revoke(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);

        Fixtures.as(editor);
        invitations.revoke(issued.id());
        assertThat(state(clinic.id(), issued.id())).isEqualTo(InvitationState.REVOKED);
    }

    @Test
    void rolesChangeMembersGoAndLeaveButTheLastEditorStays() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String viewer = fixtures.member(clinic, MemberRole.VIEWER);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        long viewerId = userId(viewer);
        long editorId = userId(editor);

        // the only editor can neither become a viewer nor leave, and nobody (not even an administrator) removes them
        assertLastEditor(() -> facilities.changeRole(clinic.id(), editorId, MemberRole.VIEWER));
        assertLastEditor(() -> facilities.leave(clinic.id()));
        Fixtures.asAdmin();
        assertLastEditor(() -> facilities.removeMember(clinic.id(), editorId));
        assertLastEditor(() -> facilities.changeRole(clinic.id(), editorId, MemberRole.VIEWER));

        // with a second editor, the first may step down
        Fixtures.as(editor);
        facilities.changeRole(clinic.id(), viewerId, MemberRole.EDITOR);
        facilities.changeRole(clinic.id(), editorId, MemberRole.VIEWER);
        assertThat(roles(clinic.id())).containsEntry(viewerId, MemberRole.EDITOR).containsEntry(editorId, MemberRole.VIEWER);
        // now a viewer: managing people is over for them, leaving is not
        assertThatThrownBy(() -> facilities.changeRole(clinic.id(), editorId, MemberRole.EDITOR)).isInstanceOf(AccessDeniedException.class);
        facilities.leave(clinic.id());
        assertThat(facilities.visibleFacilities()).isEmpty();
        assertThatThrownBy(() -> facilities.get(clinic.id())).isInstanceOf(NotFoundException.class);
        assertThat(roles(clinic.id())).containsOnlyKeys(viewerId);

        // the remaining editor removes a newcomer; a member who is gone is "not found"
        String newcomer = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.as(viewer);
        facilities.removeMember(clinic.id(), userId(newcomer));
        assertThatThrownBy(() -> facilities.removeMember(clinic.id(), userId(newcomer))).isInstanceOf(NotFoundException.class);
        assertThat(roles(clinic.id())).containsOnlyKeys(viewerId);

        assertThat(audit(clinic.id(), "FACILITY_MEMBER_ROLE_CHANGED"))
                .containsExactly(viewer + " | VIEWER -> EDITOR", editor + " | EDITOR -> VIEWER");
        assertThat(audit(clinic.id(), "FACILITY_MEMBER_REMOVED"))
                .containsExactly(editor + " | left, VIEWER", newcomer + " | removed, VIEWER");
    }

    void assertLastEditor(Runnable change) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("members.error.lastEditor"));
    }

    java.util.Map<Long, MemberRole> roles(long facilityId) {
        java.util.Map<Long, MemberRole> roles = new java.util.HashMap<>();
        jdbc.sql("SELECT user_id, member_role FROM facility_member WHERE facility_id = ?").param(facilityId)
                .query(rs -> {
                    roles.put(rs.getLong("user_id"), MemberRole.valueOf(rs.getString("member_role")));
                });
        return roles;
    }

    /**
     * The two editors of a clinic make each other viewers at the same moment. The first change is held uncommitted
     * until the second is waiting for the facility's lock (or, without that lock, has already gone through); then
     * the first commits. Exactly one succeeds and the clinic keeps an editor. Without the lock both would succeed:
     * each would have counted the other as the remaining editor.
     */
    @Test
    void twoEditorsDemotingEachOtherAtOnceLeaveAnEditor() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String a = fixtures.member(clinic, MemberRole.EDITOR);
        String b = fixtures.member(clinic, MemberRole.EDITOR);
        long aId = userId(a);
        long bId = userId(b);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch firstChanged = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                Fixtures.as(a);
                transaction.executeWithoutResult(s -> {
                    facilities.changeRole(clinic.id(), bId, MemberRole.VIEWER);
                    firstChanged.countDown();
                    await(commitFirst);
                });
                return null;
            });
            assertThat(firstChanged.await(60, TimeUnit.SECONDS)).as("the first change ran").isTrue();
            Future<Throwable> second = threads.submit(() -> {
                Fixtures.as(b);
                try {
                    facilities.changeRole(clinic.id(), aId, MemberRole.VIEWER);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            awaitWaitingOrDone(second);
            commitFirst.countDown();
            first.get(60, TimeUnit.SECONDS);
            assertThat(second.get(60, TimeUnit.SECONDS)).as("the second change, made by someone no longer an editor")
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(roles(clinic.id())).containsEntry(aId, MemberRole.EDITOR).containsEntry(bId, MemberRole.VIEWER);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until the other transaction waits for a row lock (H2: a session with a blocker; InnoDB: LOCK WAIT) or is done. */
    private void awaitWaitingOrDone(Future<?> other) throws Exception {
        String sql;
        boolean h2;
        try (Connection c = dataSource.getConnection()) {
            h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            sql = h2 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                    : "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'";
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!other.isDone() && jdbc.sql(sql).query(Long.class).single() == 0) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the second change neither waited nor finished");
            }
            // InnoDB refreshes INNODB_TRX only when it was not read for 0.1 s: polled faster, it never changes
            Thread.sleep(h2 ? 10 : 250);
        }
    }

    @Test
    void theAdministratorsListIsSearchedAndPagedInTheDatabase() {
        String token = "検索" + UUID.randomUUID().toString().substring(0, 8);
        FacilityProfile kashiwa = create(token + " あおば診療所", "千葉県", "柏市");
        FacilityProfile shinjuku = create(token + " いちょう病院", "東京都", "新宿区");
        FacilityProfile percent = create(token + " うめ 100%クリニック", "千葉県", "松戸市");
        fixtures.member(kashiwa, MemberRole.EDITOR);
        fixtures.member(kashiwa, MemberRole.VIEWER);
        fixtures.member(kashiwa, MemberRole.VIEWER);
        Fixtures.asAdmin();

        assertThat(facilities.count(token)).isEqualTo(3);
        assertThat(facilities.search(token, 0, 50)).extracting(FacilityService.FacilityListItem::id)
                .containsExactly(kashiwa.id(), shinjuku.id(), percent.id());
        // a page is what was asked for, in the same order
        assertThat(facilities.search(token, 1, 1)).extracting(FacilityService.FacilityListItem::id).containsExactly(shinjuku.id());
        assertThat(facilities.search(token, 3, 10)).isEmpty();
        // every word must match the name, the prefecture or the municipality (full-width space separates too)
        assertThat(facilities.search(token + " 東京都", 0, 50)).extracting(FacilityService.FacilityListItem::id).containsExactly(shinjuku.id());
        assertThat(facilities.search(token + "\u3000柏", 0, 50)).extracting(FacilityService.FacilityListItem::id).containsExactly(kashiwa.id());
        assertThat(facilities.count("  " + token + "   千葉県 ")).isEqualTo(2);
        // % and _ are plain characters
        assertThat(facilities.search(token + " %", 0, 50)).extracting(FacilityService.FacilityListItem::id).containsExactly(percent.id());
        assertThat(facilities.count(token + " _")).isZero();
        assertThat(facilities.search(token, 0, 1).getFirst()).satisfies(f -> {
            assertThat(f.editors()).isEqualTo(1);
            assertThat(f.viewers()).isEqualTo(2);
            assertThat(f.municipality()).isEqualTo("柏市");
            assertThat(f.type()).isEqualTo(FacilityKind.CLINIC);
        });
        assertThat(facilities.count("")).isGreaterThanOrEqualTo(3);

        fixtures.member(kashiwa, MemberRole.EDITOR);
        assertThatThrownBy(() -> facilities.search(token, 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> facilities.count(token)).isInstanceOf(AccessDeniedException.class);
    }

    FacilityProfile create(String name, String prefecture, String municipality) {
        Fixtures.asAdmin();
        return facilities.create(new FacilityProfile(null, 0, name, FacilityKind.CLINIC, prefecture, municipality,
                AreaType.REGIONAL_CITY, null, null, null, 1, 0, Set.of()));
    }

    @Test
    void someoneWithAnAccountJoinsAnotherFacilityWithIt() {
        FacilityProfile first = fixtures.facility(FacilityKind.CLINIC);
        String doctor = fixtures.member(first, MemberRole.EDITOR);
        FacilityProfile second = fixtures.facility(FacilityKind.HOSPITAL);
        String code = invitations.invite(second.id(), MemberRole.VIEWER, "非常勤医").code();
        Fixtures.as(doctor);
        invitations.acceptAsCurrentUser(code);
        assertThat(facilities.visibleFacilities()).extracting(FacilityProfile::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(roles(second.id())).containsEntry(userId(doctor), MemberRole.VIEWER);

        // already a member: refused, and the code stays usable for someone else
        Fixtures.asAdmin();
        String again = invitations.invite(second.id(), MemberRole.EDITOR, "非常勤医").code();
        Fixtures.as(doctor);
        assertThatThrownBy(() -> invitations.acceptAsCurrentUser(again))
                .isInstanceOf(UserAccountService.AccountException.class).hasMessage("invitation.error.alreadyMember");
        assertThat(invitations.lookup(again)).isPresent();
    }
}
