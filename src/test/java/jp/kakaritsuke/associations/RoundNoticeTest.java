package jp.kakaritsuke.associations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.RoundNotice;
import jp.kakaritsuke.associations.domain.RoundNoticeKind;
import jp.kakaritsuke.associations.domain.RoundNoticeRepository;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationRoundService;
import jp.kakaritsuke.associations.service.RoundNoticeService;
import jp.kakaritsuke.associations.service.RoundReminderJob;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.mail.service.MailKind;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.TestMailbox;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Round notices by mail (issue 13), read back from the in-process SMTP server: the opening notice reaches the editors
 * of every member below the association (not viewers, not disabled accounts, "no address" recorded where nobody can be
 * written to); the reminder goes once, days before the deadline, to the editors of members that have not submitted
 * since the round opened — not after the deadline, not too early, not twice, not even with two schedulers at once.
 */
@SpringBootTest
class RoundNoticeTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    AssociationRoundService rounds;

    @Autowired
    RoundNoticeService notices;

    @Autowired
    RoundNoticeRepository noticeRecords;

    @Autowired
    RoundReminderJob job;

    @Autowired
    TestMailbox mailbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    /** A new (uniquely named) association, prefectural or below {@code parent}. */
    private long association(String name, Long parent) {
        Fixtures.asAdmin();
        return admin.create(name + " " + System.nanoTime(), parent == null ? AssociationLevel.PREFECTURAL
                : AssociationLevel.MUNICIPAL, "岡山県", parent);
    }

    private FacilityProfile member(long associationId) {
        FacilityProfile f = fixtures.facility(FacilityKind.CLINIC);
        Fixtures.asAdmin();
        admin.addFacility(associationId, f.id());
        return f;
    }

    private String editor(FacilityProfile facility) {
        return fixtures.member(facility, MemberRole.EDITOR);
    }

    private static String address(String username) {
        return Fixtures.mail(username);
    }

    private Map<Long, RoundNotice> notices(long roundId, RoundNoticeKind kind) {
        Map<Long, RoundNotice> result = new java.util.HashMap<>();
        noticeRecords.byRounds(List.of(roundId)).stream().filter(n -> n.kind() == kind)
                .forEach(n -> result.put(n.facilityId(), n));
        return result;
    }

    /** Opens a round as the administrator, then moves its opening back so the reminder run no longer finds it fresh. */
    private long openDue(long associationId, String name, LocalDate deadline) {
        Fixtures.asAdmin();
        long id = rounds.open(associationId, name, deadline);
        jdbc.sql("UPDATE association_round SET opened_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(3))), id).update();
        Fixtures.anonymous();
        return id;
    }

    @Test
    void openingARoundMailsTheEditorsOfEveryMemberBelowTheAssociation() {
        long pref = association("岡山県医師会", null);
        long city = association("倉敷市医師会", pref);
        long other = association("津山市医師会", pref);
        FacilityProfile withTwoEditors = member(city);
        String first = editor(withTwoEditors);
        String second = editor(withTwoEditors);
        String viewer = fixtures.member(withTwoEditors, MemberRole.VIEWER);
        FacilityProfile direct = member(pref);
        String directEditor = editor(direct);
        FacilityProfile nobody = member(city); // imported, nobody joined yet
        FacilityProfile withoutAddress = member(other);
        String old = editor(withoutAddress); // an account from before issue 13: no address
        jdbc.sql("UPDATE app_user SET email = NULL WHERE username = ?").param(old).update();
        FacilityProfile disabled = member(other);
        String gone = editor(disabled);
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = ?").param(gone).update();
        String staff = fixtures.associationAdmin(pref);

        Fixtures.as(staff);
        LocalDate deadline = LocalDate.now(clock).plusDays(40);
        long round = rounds.open(pref, "2027年度調査", deadline);

        var mail = mailbox.awaitMail(address(first), MailKind.ROUND_OPENED);
        assertThat(mail.subject()).contains("2027年度調査").contains(deadline.toString());
        assertThat(mail.body()).contains("テスト " + first + " 様").contains(withTwoEditors.name())
                .contains("岡山県医師会").contains("2027年度調査").contains(deadline.toString())
                .contains("Dear テスト " + first);
        assertThat(mail.path()).isEqualTo("assessment");
        assertThat(mailbox.awaitMail(address(second), MailKind.ROUND_OPENED).body()).contains(withTwoEditors.name());
        assertThat(mailbox.awaitMail(address(directEditor), MailKind.ROUND_OPENED).body()).contains(direct.name());

        Map<Long, RoundNotice> opened = notices(round, RoundNoticeKind.OPENED);
        assertThat(opened).hasSize(5); // every member of the subtree, once
        assertThat(opened.get(withTwoEditors.id()).recipients()).isEqualTo(2); // the viewer is not written to
        assertThat(opened.get(direct.id()).recipients()).isEqualTo(1);
        assertThat(opened.get(nobody.id()).noAddress()).isTrue();
        assertThat(opened.get(withoutAddress.id()).noAddress()).isTrue();
        assertThat(opened.get(disabled.id()).noAddress()).isTrue();
        assertThat(queued(address(viewer), MailKind.ROUND_OPENED)).isZero();
        assertThat(queued(address(gone), MailKind.ROUND_OPENED)).isZero();
        assertThat(queued(address(first), MailKind.ROUND_OPENED)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor, detail FROM audit_event WHERE action = 'ROUND_OPENED' AND association_id = ?")
                .param(pref).query((rs, i) -> rs.getString("actor") + " " + rs.getString("detail")).list())
                .singleElement().satisfies(a -> assertThat(a).startsWith(staff + " round " + round)
                        .contains("2 facilities, 3 mails, 3 without address"));

        // a round of the city reaches the city's members only
        Fixtures.asAdmin();
        long cityRound = rounds.open(city, "倉敷の調査", deadline);
        assertThat(notices(cityRound, RoundNoticeKind.OPENED).keySet())
                .containsExactlyInAnyOrder(withTwoEditors.id(), nobody.id());
        assertThat(queued(address(directEditor), MailKind.ROUND_OPENED)).isEqualTo(1);
        assertThat(queued(address(first), MailKind.ROUND_OPENED)).isEqualTo(2);
    }

    @Test
    void remindsThoseWhoHaveNotSubmittedOnceDaysBeforeTheDeadline() {
        long association = association("広島県医師会", null);
        FacilityProfile submitted = member(association);
        String submittedEditor = editor(submitted);
        FacilityProfile idle = member(association);
        String idleEditor = editor(idle);
        FacilityProfile earlier = member(association);
        String earlierEditor = editor(earlier);
        Fixtures.as(earlierEditor);
        fixtures.submitRound(earlier.id(), role -> 2, role -> false);
        LocalDate deadline = LocalDate.now(clock).plusDays(notices.daysBefore() - 2);
        long round = openDue(association, "広島の調査", deadline);
        // the earlier submission predates the round: it does not count for it
        jdbc.sql("UPDATE member_state SET latest_submitted_at = ? WHERE facility_id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(10))), earlier.id()).update();
        Fixtures.as(submittedEditor);
        fixtures.submitRound(submitted.id(), role -> 3, role -> false);
        Fixtures.anonymous();

        notices.remindDue();

        var reminder = mailbox.awaitMail(address(idleEditor), MailKind.ROUND_REMINDER);
        assertThat(reminder.body()).contains("テスト " + idleEditor + " 様").contains(idle.name()).contains("広島の調査")
                .contains(deadline.toString());
        assertThat(reminder.path()).isEqualTo("assessment");
        mailbox.awaitMail(address(earlierEditor), MailKind.ROUND_REMINDER);
        assertThat(queued(address(submittedEditor), MailKind.ROUND_REMINDER)).isZero();
        assertThat(notices(round, RoundNoticeKind.REMINDER).keySet()).containsExactlyInAnyOrder(idle.id(), earlier.id());

        // the next run (tomorrow's, or another node's) sends nothing again
        notices.remindDue();
        assertThat(queued(address(idleEditor), MailKind.ROUND_REMINDER)).isEqualTo(1);
        assertThat(queued(address(earlierEditor), MailKind.ROUND_REMINDER)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ROUND_REMINDERS_SENT' AND association_id = ?")
                .param(association).query(Integer.class).single()).isEqualTo(1);

        // the association sees who was reminded when
        String staff = fixtures.associationAdmin(association);
        Fixtures.as(staff);
        var status = rounds.rounds(association).getFirst();
        assertThat(status.remindFrom()).isEqualTo(deadline.minusDays(notices.daysBefore()));
        assertThat(status.members()).isEqualTo(3);
        assertThat(status.notices().notified()).isEqualTo(jp.kakaritsuke.associations.domain.Cell.shown(3));
        assertThat(status.notices().reminded().suppressed()).isTrue(); // 2 of 3: the third is the one that submitted
    }

    @Test
    void noReminderAfterTheDeadlineBeforeTheWindowOrForAFreshRound() {
        long association = association("山口県医師会", null);
        FacilityProfile f = member(association);
        String editor = editor(f);
        LocalDate today = LocalDate.now(clock);
        long past = openDue(association, "締切済み", today.plusDays(1));
        jdbc.sql("UPDATE association_round SET deadline = ? WHERE id = ?").params(java.sql.Date.valueOf(today.minusDays(1)), past).update();
        long early = openDue(association, "まだ先", today.plusDays(notices.daysBefore() + 1));
        Fixtures.asAdmin();
        long fresh = rounds.open(association, "開始したばかり", today.plusDays(2));
        Fixtures.anonymous();

        notices.remindDue();
        assertThat(notices(past, RoundNoticeKind.REMINDER)).isEmpty();
        assertThat(notices(early, RoundNoticeKind.REMINDER)).isEmpty();
        assertThat(notices(fresh, RoundNoticeKind.REMINDER)).isEmpty();
        assertThat(queued(address(editor), MailKind.ROUND_REMINDER)).isZero();

        // the last day of the window is the deadline itself
        long lastDay = openDue(association, "今日が締切", today.plusDays(1));
        jdbc.sql("UPDATE association_round SET deadline = ? WHERE id = ?").params(java.sql.Date.valueOf(today), lastDay).update();
        notices.remindDue();
        assertThat(notices(lastDay, RoundNoticeKind.REMINDER)).containsOnlyKeys(f.id());
        assertThat(mailbox.awaitMail(address(editor), MailKind.ROUND_REMINDER).body()).contains("今日が締切");
    }

    @Test
    void aMemberWithoutAddressIsRemindedOnceItHasOne() {
        long association = association("鳥取県医師会", null);
        FacilityProfile f = member(association);
        String editor = editor(f);
        jdbc.sql("UPDATE app_user SET email = NULL WHERE username = ?").param(editor).update();
        long round = openDue(association, "鳥取の調査", LocalDate.now(clock).plusDays(3));
        notices.remindDue();
        assertThat(notices(round, RoundNoticeKind.REMINDER).get(f.id()).noAddress()).isTrue();

        jdbc.sql("UPDATE app_user SET email = ? WHERE username = ?").params(address(editor), editor).update();
        notices.remindDue();
        assertThat(notices(round, RoundNoticeKind.REMINDER).get(f.id()).recipients()).isEqualTo(1);
        mailbox.awaitMail(address(editor), MailKind.ROUND_REMINDER);
        notices.remindDue();
        assertThat(queued(address(editor), MailKind.ROUND_REMINDER)).isEqualTo(1);
    }

    /**
     * Two nodes on one database: this application's job (its ShedLock row, database time) and a second scheduler with
     * a lock provider of its own. While one holds the lock the other's run is skipped, whichever fires first; every
     * editor gets one reminder. Then two runs at once without any lock (it expired mid-run, say): the notices' unique
     * key still sends each reminder once.
     */
    @Test
    void theReminderJobRunsOnceForTwoSchedulersOnOneDatabase() throws Exception {
        long association = association("島根県医師会", null);
        List<String> editors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            editors.add(editor(member(association)));
        }
        long round = openDue(association, "島根の調査", LocalDate.now(clock).plusDays(2));
        jdbc.sql("DELETE FROM shedlock WHERE name = 'round-reminders'").update();
        var otherNode = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                        .withTableName("shedlock").usingDbTime().build()));
        LockConfiguration lock = new LockConfiguration(clock.instant(), "round-reminders", Duration.ofHours(2),
                Duration.ofMinutes(5));

        // the other node fires first and holds the lock while this node's timer fires: this node skips
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch thisNodeDone = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = other.submit(() -> {
                otherNode.executeWithLock((Runnable) () -> {
                    locked.countDown();
                    try {
                        assertThat(thisNodeDone.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    notices.remindDue();
                }, lock);
                return null;
            });
            assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
            job.sendReminders();
            for (String editor : editors) {
                assertThat(queued(address(editor), MailKind.ROUND_REMINDER)).as("this node skipped").isZero();
            }
            thisNodeDone.countDown();
            run.get(60, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        for (String editor : editors) {
            assertThat(queued(address(editor), MailKind.ROUND_REMINDER)).as(editor).isEqualTo(1);
        }
        mailbox.awaitMail(address(editors.getFirst()), MailKind.ROUND_REMINDER);
        assertThat(notices(round, RoundNoticeKind.REMINDER)).hasSize(8);

        // this node runs first: the lock stays held a while after its short run, so the other node's timer, firing a
        // moment later, skips
        jdbc.sql("DELETE FROM shedlock WHERE name = 'round-reminders'").update();
        job.sendReminders();
        AtomicBoolean otherRan = new AtomicBoolean();
        otherNode.executeWithLock((Runnable) () -> otherRan.set(true),
                new LockConfiguration(clock.instant(), "round-reminders", Duration.ofHours(2), Duration.ofMinutes(5)));
        assertThat(otherRan).as("the other node skipped").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ROUND_REMINDERS_SENT' AND association_id = ?")
                .param(association).query(Integer.class).single()).isEqualTo(1);

        // without the lock: two runs at once still remind each editor once
        long second = association("島根県医師会 第二", null);
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            more.add(editor(member(second)));
        }
        openDue(second, "もう一つの調査", LocalDate.now(clock).plusDays(2));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(runs.submit(() -> {
                    together.await();
                    notices.remindDue();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            runs.shutdownNow();
        }
        for (String editor : more) {
            assertThat(queued(address(editor), MailKind.ROUND_REMINDER)).as(editor).isEqualTo(1);
        }
    }

    /** Mails of the kind queued to the address (the outbox: written in the transaction that caused them). */
    private int queued(String address, MailKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = ?")
                .params(address.toLowerCase(java.util.Locale.ROOT), kind.name()).query(Integer.class).single();
    }
}
