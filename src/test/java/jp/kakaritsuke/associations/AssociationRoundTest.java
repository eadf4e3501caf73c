package jp.kakaritsuke.associations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.domain.AssociationRound;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationRoundService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Rounds an association opens: members see them (also those of associations above theirs), completeness counts. */
@SpringBootTest
class AssociationRoundTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService admin;

    @Autowired
    AssociationRoundService rounds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    jp.kakaritsuke.facility.service.FacilityService facilities;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void membersSeeTheRoundsAboveThemAndTheAssociationSeesWhoSubmitted() {
        Fixtures.asAdmin();
        long pref = admin.create("広島県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "広島県", null);
        long city = admin.create("福山市医師会", AssociationLevel.MUNICIPAL, "広島県", pref);
        long other = admin.create("呉市医師会", AssociationLevel.MUNICIPAL, "広島県", pref);
        String staff = fixtures.associationAdmin(city);
        FacilityProfile[] members = new FacilityProfile[4];
        for (int i = 0; i < 4; i++) {
            members[i] = fixtures.facility(FacilityKind.CLINIC);
            Fixtures.asAdmin();
            admin.addFacility(city, members[i].id());
        }

        Fixtures.as(staff);
        LocalDate deadline = LocalDate.now().plusMonths(3);
        assertThatThrownBy(() -> rounds.open(city, " ", deadline)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKeys()).containsExactly("associationRound.error.name"));
        assertThatThrownBy(() -> rounds.open(city, "2026年度", LocalDate.now().minusDays(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rounds.open(other, "2026年度", deadline)).isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);
        rounds.open(city, "2026年度", deadline);
        Fixtures.asAdmin();
        rounds.open(pref, "県の調査", deadline);
        rounds.open(other, "呉の調査", deadline);

        // before anyone joins the imported-like members, all four are invited but not registered
        Fixtures.as(staff);
        var before = rounds.rounds(city).getFirst();
        assertThat(before.notRegistered()).isEqualTo(new Cell(4, false));
        assertThat(before.completeness().notStarted()).isEqualTo(new Cell(4, false));
        assertThat(before.municipalities().getFirst().notRegistered()).isEqualTo(new Cell(4, false));

        // three members submit after the round opened, one does nothing
        for (int i = 0; i < 3; i++) {
            String editor = fixtures.member(members[i], MemberRole.EDITOR);
            fixtures.submitRound(members[i].id(), role -> 2, role -> false);
            assertThat(rounds.openRoundsFor(members[i].id())).extracting(AssociationRound::name)
                    .containsExactlyInAnyOrder("2026年度", "県の調査");
            assertThat(editor).isNotBlank();
        }
        Fixtures.as(staff);
        var status = rounds.rounds(city).getFirst();
        assertThat(status.round().name()).isEqualTo("2026年度");
        assertThat(status.members()).isEqualTo(4);
        // 3 of 4 submitted would give away the one who has not (issue 10): hidden with it
        assertThat(status.completeness().submitted().suppressed()).isTrue();
        assertThat(status.completeness().notStarted().suppressed()).isTrue();
        assertThat(status.notRegistered().suppressed()).isTrue(); // the fourth: one facility, not shown
        assertThat(status.municipalities()).hasSize(1);
        assertThat(status.municipalities().getFirst().members()).isEqualTo(4);
        assertThat(status.municipalities().getFirst().completeness().submitted().suppressed()).isTrue();
        assertThat(status.identifiedMembers()).isEmpty(); // nobody consented
        // one member consents: it is listed with its progress in the round
        String fourth = fixtures.member(members[3], MemberRole.EDITOR);
        Fixtures.as(staff);
        assertThat(rounds.rounds(city).getFirst().notRegistered()).isEqualTo(new Cell(0, false));
        Fixtures.as(fourth);
        facilities.setConsent(members[3].id(), true);
        Fixtures.as(staff);
        assertThat(rounds.rounds(city).getFirst().identifiedMembers()).singleElement()
                .satisfies(m -> assertThat(m.progress()).isEqualTo(AssociationRoundService.Progress.NOT_STARTED));
    }
}
