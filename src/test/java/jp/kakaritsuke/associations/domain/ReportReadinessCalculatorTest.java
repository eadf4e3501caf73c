package jp.kakaritsuke.associations.domain;

import static jp.kakaritsuke.associations.domain.ReadinessFixtures.ASSOCIATION;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.EDITION;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.consenting;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.draft;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.member;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.office;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.submitted;
import static jp.kakaritsuke.associations.domain.ReadinessFixtures.withoutNo1;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.associations.domain.ReportReadiness.ItemDistribution;
import jp.kakaritsuke.associations.domain.ReportReadiness.Row;
import jp.kakaritsuke.functionreport.domain.PreparationStatus;
import jp.kakaritsuke.functionreport.domain.PreparationSummary;
import org.junit.jupiter.api.Test;

/** The readiness figures and what they hide, on small hand-made member sets (the property test covers random ones). */
class ReportReadinessCalculatorTest {

    static ItemDistribution item(ReportReadiness r, String code) {
        return r.items().stream().filter(i -> i.itemCode().equals(code)).findFirst().orElseThrow();
    }

    static Row town(ItemDistribution d, String town) {
        return d.municipalities().stream().filter(x -> town.equals(x.municipality())).findFirst().orElseThrow();
    }

    @Test
    void onlyTheSecondaryItemsWithACountableAnswerAreCountedInTheReportsOrder() {
        ReportReadiness r = ReportReadinessCalculator.calculate(ASSOCIATION, 2027, EDITION, List.of(), List.of());
        assertThat(r.items()).extracting(ItemDistribution::itemCode)
                .containsExactly("NO2A.ROTA", "NO2A.AFTER_HOURS_CLAIMS", "NO2D.OPINION_LETTER");
        assertThat(item(r, "NO2A.ROTA").categories()).containsExactly("0", "1", "2", "3", "NO_ANSWER");
        assertThat(item(r, "NO2A.AFTER_HOURS_CLAIMS").categories()).containsExactly("POSITIVE", "ZERO", "NO_ANSWER");
        assertThat(r.reportYear()).isEqualTo(2027);
        assertThat(r.editionYear()).as("next season's items not published yet: the newest edition").isEqualTo(2026);
        assertThat(r.members()).isZero();
        assertThat(r.municipalities()).isEmpty();
    }

    /**
     * 柏市: 3 not started, 3 drafts, 3 submitted with 1号, all answering 輪番 「有り(月1回未満)」; 松戸市: 3 not started;
     * an association office (a member that does not report) is left out.
     */
    @Test
    void statesAddUpToTheMembersAndCategoriesToTheMembersCountedEveryMunicipalityListed() {
        List<ReportMember> members = new ArrayList<>();
        List<PreparationSummary> summaries = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            members.add(member(i, "柏市"));
            if (i > 3 && i <= 6) {
                summaries.add(draft(i));
            } else if (i > 6) {
                summaries.add(submitted(i, 2, 2, i == 9 ? 0 : 12));
            }
        }
        for (int i = 10; i <= 12; i++) {
            members.add(member(i, "松戸市"));
        }
        members.add(office(100, "柏市"));
        ReportReadiness r = ReportReadinessCalculator.calculate(ASSOCIATION, 2026, EDITION, members, summaries);

        assertThat(r.members()).isEqualTo(12);
        assertThat(r.notReporting()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(new ReportReadiness.Readiness(Cell.shown(6), Cell.shown(3), Cell.shown(3),
                Cell.shown(3), Cell.shown(0)));
        assertThat(r.municipalities()).extracting(ReportReadiness.MunicipalityReadiness::municipality).containsExactly("松戸市", "柏市");
        var kashiwa = r.municipalities().get(1);
        assertThat(kashiwa.members()).isEqualTo(9);
        assertThat(kashiwa.readiness()).isEqualTo(new ReportReadiness.Readiness(Cell.shown(3), Cell.shown(3), Cell.shown(3),
                Cell.shown(3), Cell.shown(0)));
        assertThat(r.municipalities().get(0).readiness().notStarted()).isEqualTo(Cell.shown(3));

        ItemDistribution rota = item(r, "NO2A.ROTA");
        assertThat(rota.total().base()).isEqualTo(Cell.shown(3));
        assertThat(rota.total().counts()).containsExactly(Map.entry("0", Cell.shown(0)), Map.entry("1", Cell.shown(0)),
                Map.entry("2", Cell.shown(3)), Map.entry("3", Cell.shown(0)), Map.entry("NO_ANSWER", Cell.shown(0)));
        assertThat(rota.municipalities()).extracting(Row::municipality).containsExactly("松戸市", "柏市");
        assertThat(town(rota, "柏市").counts().get("2")).isEqualTo(Cell.shown(3));
        // 松戸市 is listed though nobody there submitted: a row only where someone did would tell that someone did
        Row matsudo = town(rota, "松戸市");
        assertThat(matsudo.base()).isEqualTo(Cell.shown(0));
        assertThat(matsudo.counts().values()).as("a group of 0: the primary rule").allMatch(Cell::suppressed);
        // claims: two above 0, one 0 -> 2 is hidden, and so is the 1 that would give it away (3 - 1)
        ItemDistribution claims = item(r, "NO2A.AFTER_HOURS_CLAIMS");
        assertThat(claims.total().counts().get("POSITIVE")).isEqualTo(Cell.hidden());
        assertThat(claims.total().counts().get("ZERO")).isEqualTo(Cell.hidden());
        assertThat(claims.total().counts().get("NO_ANSWER")).isEqualTo(Cell.shown(0));
    }

    /** 10 members submitted with 1号; one answers 輪番 「無し(意向無し)」, nine 「有り(月1回)」. */
    @Test
    void aCountOfOneIsHiddenAndSoIsTheFigureThatWouldGiveItAway() {
        List<ReportMember> members = new ArrayList<>();
        List<PreparationSummary> summaries = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            members.add(member(i, "柏市"));
            summaries.add(submitted(i, i == 1 ? 0 : 3, 2, 5));
        }
        ReportReadiness r = ReportReadinessCalculator.calculate(ASSOCIATION, 2026, EDITION, members, summaries);
        assertThat(r.total().submitted()).isEqualTo(Cell.shown(10));
        assertThat(r.total().no1Met()).as("the members counted stay visible").isEqualTo(Cell.shown(10));
        ItemDistribution rota = item(r, "NO2A.ROTA");
        assertThat(rota.total().counts().get("0")).isEqualTo(Cell.hidden());
        // 10 − 9 would be the one: the 9 is hidden too (the cheapest figure above 0 in that sum), the zeros stay
        assertThat(rota.total().counts().get("3")).isEqualTo(Cell.hidden());
        assertThat(rota.total().counts().get("1")).isEqualTo(Cell.shown(0));
        assertThat(town(rota, "柏市").counts().get("0")).isEqualTo(Cell.hidden());
        assertThat(town(rota, "柏市").counts().get("3")).isEqualTo(Cell.hidden());
        // everyone alike: nothing to hide
        assertThat(item(r, "NO2D.OPINION_LETTER").total().counts().get("2")).isEqualTo(Cell.shown(10));
        assertThat(item(r, "NO2A.AFTER_HOURS_CLAIMS").total().counts().get("POSITIVE")).isEqualTo(Cell.shown(10));
    }

    /** The header: 8 members, 1 draft, 4 submitted of which 3 meet 1号 → 1 and 1 hidden, with what gives them away. */
    @Test
    void theStatesHideSmallCountsWithTheirComplements() {
        List<ReportMember> members = new ArrayList<>();
        List<PreparationSummary> summaries = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            members.add(member(i, "柏市"));
        }
        summaries.add(draft(1));
        for (int i = 2; i <= 4; i++) {
            summaries.add(submitted(i, 2, 2, 1));
        }
        summaries.add(withoutNo1(5));
        ReportReadiness r = ReportReadinessCalculator.calculate(ASSOCIATION, 2026, EDITION, members, summaries);
        ReportReadiness.Readiness t = r.total();
        assertThat(t.inProgress()).isEqualTo(Cell.hidden());
        assertThat(t.no1NotMet()).isEqualTo(Cell.hidden());
        // 8 = not started + 1 + submitted: one of those two hidden; 4 = 3 + 1: one of those two hidden
        assertThat(t.notStarted().suppressed() || t.submitted().suppressed()).isTrue();
        assertThat(t.submitted().suppressed() || t.no1Met().suppressed()).isTrue();
        // the one without 1号 and the draft are not among the members counted for 2号
        assertThat(item(r, "NO2A.ROTA").total().base().value()).isIn(null, 3);
    }

    @Test
    void onlyConsentingMembersAreNamedAndOnlySubmittedOnesCarry1号() {
        List<ReportMember> members = List.of(consenting(1, "柏市"), consenting(2, "柏市"), member(3, "柏市"),
                consenting(4, null), office(5, "柏市"));
        List<PreparationSummary> summaries = List.of(draft(1), withoutNo1(2), submitted(3, 1, 1, 1));
        ReportReadiness r = ReportReadinessCalculator.calculate(ASSOCIATION, 2026, EDITION, members, summaries);
        // listed by municipality (none first), then name
        assertThat(r.identifiedMembers()).extracting(ReportReadiness.MemberRow::facilityId).containsExactly(4L, 1L, 2L);
        assertThat(r.identifiedMembers()).extracting(ReportReadiness.MemberRow::status).containsExactly(
                ReportReadiness.Status.NOT_STARTED, ReportReadiness.Status.IN_PROGRESS, ReportReadiness.Status.SUBMITTED);
        assertThat(r.identifiedMembers()).extracting(ReportReadiness.MemberRow::no1Met).containsExactly(null, null, false);
        assertThat(r.municipalities()).extracting(ReportReadiness.MunicipalityReadiness::municipality).containsExactly("—", "柏市");
    }

    @Test
    void answersAreCategorisedAndAnUnknownChoiceCountsAsNoAnswer() {
        var item = EDITION.item("NO2A.ROTA").orElseThrow();
        var claims = EDITION.item("NO2A.AFTER_HOURS_CLAIMS").orElseThrow();
        assertThat(ReportReadinessCalculator.category(item, submitted(1, 3, null, null))).isEqualTo("3");
        assertThat(ReportReadinessCalculator.category(item, submitted(1, 9, null, null))).isEqualTo("NO_ANSWER");
        assertThat(ReportReadinessCalculator.category(item, submitted(1, null, null, null))).isEqualTo("NO_ANSWER");
        assertThat(ReportReadinessCalculator.category(claims, submitted(1, null, null, 0))).isEqualTo("ZERO");
        assertThat(ReportReadinessCalculator.category(claims, submitted(1, null, null, 3))).isEqualTo("POSITIVE");
        assertThat(ReportReadinessCalculator.category(claims, new PreparationSummary(1, PreparationStatus.SUBMITTED, true, Map.of(),
                Map.of("NO2A.AFTER_HOURS_CLAIMS", new BigDecimal("0.0"))))).isEqualTo("ZERO");
        assertThat(ReportReadinessCalculator.category(claims, submitted(1, null, null, null))).isEqualTo("NO_ANSWER");
    }
}
