package jp.kakaritsuke.demo;

import jp.kakaritsuke.caselibrary.domain.RoleCode;
import static org.assertj.core.api.Assertions.assertThat;

import jp.kakaritsuke.assessment.domain.RoundStatus;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.springframework.context.ApplicationContext;

/** What a complete demo holds; shared by DemoDataTest and the kill-while-seeding test. Leaves the context as demo-chiba. */
final class DemoAssertions {

    private DemoAssertions() {
    }

    static void assertCompleteDemo(ApplicationContext context) {
        FacilityService facilities = context.getBean(FacilityService.class);
        RoundService roundService = context.getBean(RoundService.class);
        RoleProfileService profiles = context.getBean(RoleProfileService.class);
        Fixtures.asAdmin();
        var demo = facilities.visibleFacilities().stream().filter(f -> f.name().endsWith("(デモ)")).toList();
        assertThat(demo).extracting(FacilityProfile::type).extracting(Enum::name)
                .contains("CLINIC", "HOSPITAL", "ASSOCIATION");
        assertThat(demo).hasSize(34);
        FacilityProfile clinic = demo.stream().filter(f -> f.name().equals(DemoData.CLINIC)).findFirst().orElseThrow();
        var rounds = roundService.rounds(clinic.id());
        assertThat(rounds).hasSize(2).allMatch(r -> r.status() == RoundStatus.SUBMITTED);
        assertThat(rounds.get(1).submittedAt()).isBefore(rounds.get(0).submittedAt().minusSeconds(300 * 24 * 3600L));
        assertThat(facilities.members(clinic.id())).hasSize(2);
        // the demo clinic's profile compares two rounds
        assertThat(profiles.profile(rounds.get(0).id()).previous()).isNotNull();
        // and its default peer group (clinics, 地方都市, 関東) shows statistics: at least 10 consenting clinics
        var peers = context.getBean(jp.kakaritsuke.peers.service.PeerService.class).defaultGroup(rounds.get(0).id());
        assertThat(peers.withheld()).isNull();
        assertThat(peers.size()).isGreaterThanOrEqualTo(10);
        // the clinic filed last season's report and has started this season's: carried answers and the two items its
        // self-assessment asks the same way (pre-filled) wait for confirmation (README walk-through)
        Fixtures.as("demo-clinic");
        var preparations = context.getBean(jp.kakaritsuke.functionreport.service.ReportPreparationService.class);
        int season = preparations.currentReportYear();
        assertThat(preparations.history(clinic.id())).extracting(h -> h.reportYear() + " " + h.status())
                .containsExactly(season + " DRAFT", (season - 1) + " SUBMITTED");
        var now = preparations.view(clinic.id(), season);
        assertThat(now.carriedFromYear()).isEqualTo(season - 1);
        assertThat(now.answers().values()).extracting(a -> a.origin().name()).contains("CARRIED", "PREFILLED");
        assertThat(now.unconfirmed()).isNotEmpty();
        // the demo association sees its members; 柏市 has enough submissions to show figures and a gap
        Fixtures.as("demo-chiba");
        var rollups = context.getBean(jp.kakaritsuke.associations.service.RollupService.class);
        var visible = rollups.visibleAssociations();
        assertThat(visible).hasSize(3);
        var kashiwa = rollups.rollup(visible.stream().filter(a -> a.name().startsWith("柏市")).findFirst().orElseThrow().id());
        assertThat(kashiwa.members()).isEqualTo(12);
        assertThat(kashiwa.completeness().submitted().value()).isEqualTo(10);
        // the 2026年度 round opened before this year's submissions: it no longer says nobody submitted (issue 10); its
        // table protects its own small cells, so its figure is 10 or hidden, never a contradiction
        var kashiwaRound = context.getBean(jp.kakaritsuke.associations.service.AssociationRoundService.class)
                .rounds(kashiwa.associationId()).getFirst();
        assertThat(kashiwaRound.completeness().submitted()).isIn(kashiwa.completeness().submitted(),
                jp.kakaritsuke.associations.domain.Cell.hidden());
        assertThat(kashiwaRound.completeness().notStarted()).isNotEqualTo(jp.kakaritsuke.associations.domain.Cell.shown(10));
        assertThat(kashiwa.municipalities().getFirst().gaps()).contains(RoleCode.SCHOOL_HEALTH);
        assertThat(kashiwa.identifiedMembers()).hasSize(5);
        // enough members for figures, and change since last year to show
        var homeCare = kashiwa.roles().stream().filter(r -> r.roleCode() == RoleCode.HOME_CARE).findFirst().orElseThrow();
        assertThat(homeCare.atLeastThree().suppressed()).isFalse();
        assertThat(kashiwa.roles()).anyMatch(r -> !r.improved().suppressed() && r.improved().value() > 0);
        assertThat(kashiwa.roles()).anyMatch(r -> !r.declined().suppressed() && r.declined().value() > 0);
        var matsudo = rollups.rollup(visible.stream().filter(a -> a.name().startsWith("松戸市")).findFirst().orElseThrow().id());
        assertThat(matsudo.members()).isEqualTo(8);
        assertThat(matsudo.completeness().submitted().value()).isEqualTo(5);
        assertThat(matsudo.municipalities().getFirst().gaps()).contains(RoleCode.OUT_OF_HOURS);
        // the association's staff joined through an invitation, like real staff
        var staff = context.getBean(jp.kakaritsuke.associations.service.AssociationStaffService.class);
        var chiba = staff.staff(visible.stream().filter(a -> a.name().startsWith("千葉県")).findFirst().orElseThrow().id());
        assertThat(chiba.administrators()).extracting(a -> a.username()).containsExactly("demo-chiba");
        assertThat(chiba.invitations()).extracting(i -> i.status().name()).containsExactly("ACCEPTED");
        // issue 13: invited by mail, so the demo's outbox holds the invitation
        assertThat(chiba.invitations().getFirst().inviteeEmail()).contains("demo-chiba@example.jp");
        assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'ASSOCIATION_INVITATION' AND recipient = 'demo-chiba@example.jp'")
                .query(Integer.class).single()).isEqualTo(1);
        // and so does every member's invitation, and the notice of the round 柏市医師会 opened
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'FACILITY_INVITATION' AND recipient = 'demo-clinic@example.jp'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'ROUND_OPENED'").query(Integer.class).single())
                .isGreaterThan(0);
    }
}
