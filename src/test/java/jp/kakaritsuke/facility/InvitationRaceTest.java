package jp.kakaritsuke.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.domain.AppUserRepository;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.testsupport.Fixtures;
import jp.kakaritsuke.testsupport.InvitationRace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two people accept the same invitation code at the same moment (facility and association invitations): one wins,
 * the other is told so ({@code invitation.error.taken}) and nothing of theirs is left behind (no account without a
 * membership). The interleaving is forced, not hoped for: see {@link InvitationRace}.
 */
@SpringBootTest
class InvitationRaceTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    FacilityService facilities;

    @Autowired
    AssociationAdminService associationAdmin;

    @Autowired
    AssociationStaffService associationStaff;

    @Autowired
    AppUserRepository users;

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

    @Test
    void theLoserOfAFacilityInvitationRaceIsToldAndKeepsNoAccount() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String code = invitations.invite(clinic.id(), MemberRole.EDITOR, "事務長").code();
        Fixtures.anonymous();
        String winner = "winner" + System.nanoTime();
        String loser = "loser" + System.nanoTime();

        Throwable winnerFailure = new InvitationRace(transactionManager, dataSource).run(
                () -> invitations.accept(code, winner, "先に押した人", Fixtures.mail(winner), Fixtures.PASSWORD), loser,
                () -> assertThatThrownBy(() -> invitations.accept(code, loser, "後に押した人", Fixtures.mail(loser), Fixtures.PASSWORD))
                        .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                                e -> assertThat(e.getMessage()).isEqualTo("invitation.error.taken")));

        assertThat(winnerFailure).isNull();
        assertThat(users.findByUsername(loser)).isEmpty();
        long winnerId = users.findByUsername(winner).orElseThrow().getId();
        assertThat(jdbc.sql("SELECT accepted_user_id FROM invitation WHERE facility_id = ?").param(clinic.id())
                .query(Long.class).single()).isEqualTo(winnerId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM facility_member WHERE facility_id = ?").param(clinic.id())
                .query(Integer.class).single()).isEqualTo(1);
        Fixtures.as(winner);
        assertThat(facilities.visibleFacilities()).extracting(FacilityProfile::id).containsExactly(clinic.id());
    }

    @Test
    void theLoserOfAnAssociationInvitationRaceIsToldAndKeepsNoAccount() throws Exception {
        Fixtures.asAdmin();
        long association = associationAdmin.create("競争県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "静岡県", null);
        String staffName = fixtures.associationAdmin(association);
        Fixtures.as(staffName);
        String code = associationStaff.invite(association, "新しい事務局").code();
        Fixtures.anonymous();
        String winner = "awinner" + System.nanoTime();
        String loser = "aloser" + System.nanoTime();

        Throwable winnerFailure = new InvitationRace(transactionManager, dataSource).run(
                () -> associationStaff.accept(code, winner, "先に押した人", Fixtures.mail(winner), Fixtures.PASSWORD), loser,
                () -> assertThatThrownBy(() -> associationStaff.accept(code, loser, "後に押した人", Fixtures.mail(loser), Fixtures.PASSWORD))
                        .isInstanceOfSatisfying(UserAccountService.AccountException.class,
                                e -> assertThat(e.getMessage()).isEqualTo("invitation.error.taken")));

        assertThat(winnerFailure).isNull();
        assertThat(users.findByUsername(loser)).isEmpty();
        long winnerId = users.findByUsername(winner).orElseThrow().getId();
        assertThat(jdbc.sql("SELECT user_id FROM association_user WHERE association_id = ?").param(association)
                .query(Long.class).list()).contains(winnerId).hasSize(2);
    }
}
