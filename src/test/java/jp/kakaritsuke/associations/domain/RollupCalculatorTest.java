package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;
import org.junit.jupiter.api.Test;

/**
 * The rollup's figures and what it hides, on small hand-made member sets, without Spring (the property test covers
 * random ones, {@link RollupEquivalenceTest} the old calculator). Members rate 在宅医療 (HOME_CARE) and 休日夜間
 * (OUT_OF_HOURS) as given and every other role 2.
 */
class RollupCalculatorTest {

    static final Association ASSOCIATION = new Association(1, "柏市医師会", AssociationLevel.MUNICIPAL, "千葉県", null);
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

    /** HOME_CARE and OUT_OF_HOURS as given, every other role at 2, no priority. */
    static RoleLevels levels(int homeCare, int outOfHours) {
        RoleLevels l = RoleLevels.EMPTY;
        for (RoleCode role : RoleCode.values()) {
            l = l.withLevel(role, 2);
        }
        return l.withLevel(RoleCode.HOME_CARE, homeCare).withLevel(RoleCode.OUT_OF_HOURS, outOfHours);
    }

    /** Levels as two digits: HOME_CARE, OUT_OF_HOURS (e.g. "30"). */
    static MemberState submitted(long id, String town, String levels) {
        return submitted(id, town, levels(levels.charAt(0) - '0', levels.charAt(1) - '0'), null);
    }

    static MemberState submitted(long id, String town, RoleLevels latest, RoleLevels previous) {
        return new MemberState(id, null, town, false, false, MAY, id, latest.packed(),
                previous == null ? MemberState.NONE : previous.packed(), true);
    }

    static MemberState answering(long id, String town) {
        return new MemberState(id, null, town, false, true, null, null, MemberState.NONE, MemberState.NONE, true);
    }

    static MemberState notStarted(long id, String town) {
        return new MemberState(id, null, town, false, false, null, null, MemberState.NONE, MemberState.NONE, true);
    }

    static Rollup.RoleRollup role(Rollup r, RoleCode code) {
        Rollup.RoleRollup row = r.roles().get(code.ordinal());
        assertThat(row.roleCode()).isEqualTo(code);
        return row;
    }

    @Test
    void countsEveryRoleInRoleCodeOrderWithLevelsAtLeastThreeAndPriorities() {
        List<MemberState> members = new ArrayList<>();
        int[] homeCare = {0, 1, 1, 1, 3, 3, 3, 4, 4, 4, 4};
        for (int i = 0; i < homeCare.length; i++) {
            RoleLevels l = levels(homeCare[i], 0).withPriority(RoleCode.HOME_CARE, i >= 5);
            members.add(submitted(i, "柏市", l, null));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        assertThat(r.roles()).extracting(Rollup.RoleRollup::roleCode).containsExactly(RoleCode.values());
        Rollup.RoleRollup care = role(r, RoleCode.HOME_CARE);
        // level 0: 1 member (hidden), 1: 3, 2: 0, 3: 3, 4: 4; 3 or more: 7; priority: 6. Levels 0–2 are 11 − 7 = 4,
        // so with 1 and 2 shown the hidden 0 would be 4 − 3 − 0 = 1: level 1 is hidden as well (the cheapest count)
        assertThat(care.levels()).extracting(Cell::display).containsExactly("x", "x", "0", "3", "4");
        assertThat(care.atLeastThree()).isEqualTo(Cell.shown(7));
        assertThat(care.priority()).isEqualTo(Cell.shown(6));
        assertThat(role(r, RoleCode.CLINIC_CLINIC).levels()).extracting(Cell::display).containsExactly("0", "0", "11", "0", "0");
        assertThat(role(r, RoleCode.OUT_OF_HOURS).atLeastThree()).isEqualTo(Cell.shown(0));
        assertThat(r.completeness()).isEqualTo(new Rollup.Completeness(Cell.shown(0), Cell.shown(0), Cell.shown(11)));
    }

    /** The finding: 16 members, 10 submitted, 4 not started gave 回答中 = 2 by subtraction. */
    @Test
    void theHeaderNoLongerGivesAwayTheNumberAnswering() {
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(submitted(i, "柏市", "33"));
        }
        members.add(answering(10, "柏市"));
        members.add(answering(11, "柏市"));
        for (int i = 12; i < 16; i++) {
            members.add(notStarted(i, "柏市"));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        assertThat(r.members()).isEqualTo(16);
        assertThat(r.completeness().submitted()).isEqualTo(Cell.shown(10));
        assertThat(r.completeness().inProgress().suppressed()).isTrue();
        assertThat(r.completeness().notStarted().suppressed()).as("else 16 - 10 - 4 = 2").isTrue();
    }

    /** The finding: レベル3 「<3」, レベル4 = 4, 「レベル3以上」 = 6 gave レベル3 = 2. */
    @Test
    void aHiddenLevelCannotBeWorkedOutFromLevelThreeOrMore() {
        List<MemberState> members = new ArrayList<>();
        String[] levels = {"00", "00", "00", "10", "10", "10", "30", "30", "40", "40", "40", "40"};
        for (int i = 0; i < levels.length; i++) {
            members.add(submitted(i, "柏市", levels[i]));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        Rollup.RoleRollup homeCare = role(r, RoleCode.HOME_CARE);
        assertThat(homeCare.levels().get(3).suppressed()).isTrue();
        // level 4 or 「レベル3以上」 (or both) is hidden too, so 3 = (3以上) - 4 has two unknowns
        assertThat(homeCare.levels().get(4).suppressed() || homeCare.atLeastThree().suppressed()).isTrue();
        assertThat(homeCare.levels().get(0)).isEqualTo(Cell.shown(3));
        // OUT_OF_HOURS: everyone at 0, nothing to hide
        Rollup.RoleRollup outOfHours = role(r, RoleCode.OUT_OF_HOURS);
        assertThat(outOfHours.levels()).containsExactly(Cell.shown(12), Cell.shown(0), Cell.shown(0), Cell.shown(0), Cell.shown(0));
        assertThat(outOfHours.atLeastThree()).isEqualTo(Cell.shown(0));
    }

    @Test
    void figuresWithoutSmallCountsAreAllShownAndEveryMunicipalityIsListed() {
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(submitted(i, "柏市", i < 3 ? "30" : "40"));
        }
        for (int i = 6; i < 9; i++) {
            members.add(notStarted(i, "松戸市"));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        assertThat(r.completeness()).isEqualTo(new Rollup.Completeness(Cell.shown(3), Cell.shown(0), Cell.shown(6)));
        assertThat(role(r, RoleCode.HOME_CARE).levels()).containsExactly(Cell.shown(0), Cell.shown(0), Cell.shown(0), Cell.shown(3), Cell.shown(3));
        assertThat(role(r, RoleCode.HOME_CARE).atLeastThree()).isEqualTo(Cell.shown(6));
        // 松戸市 has members but no submission: listed all the same (a row only where someone submitted would tell)
        assertThat(r.municipalities()).extracting(Rollup.MunicipalityRollup::municipality).containsExactly("松戸市", "柏市");
        Rollup.MunicipalityRollup kashiwa = r.municipalities().get(1);
        assertThat(kashiwa.facilities()).isEqualTo(Cell.shown(6));
        assertThat(kashiwa.coverage()).hasSize(RoleCode.values().length).containsEntry(RoleCode.HOME_CARE, Cell.shown(6));
        // every role but 在宅医療 is rated 2 or 0 by everyone: gaps, in RoleCode order
        assertThat(kashiwa.gaps()).hasSize(RoleCode.values().length - 1).doesNotContain(RoleCode.HOME_CARE)
                .startsWith(RoleCode.CLINIC_CLINIC).contains(RoleCode.OUT_OF_HOURS);
        assertThat(r.municipalities().getFirst().facilities()).isEqualTo(Cell.shown(0));
    }

    @Test
    void membersWithoutAMunicipalityAreGroupedAsOneDash() {
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(submitted(i, null, "30"));
            members.add(submitted(10 + i, " ", "30"));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        assertThat(r.municipalities()).extracting(Rollup.MunicipalityRollup::municipality).containsExactly("—");
        assertThat(r.municipalities().getFirst().facilities()).isEqualTo(Cell.shown(6));
    }

    @Test
    void changesAreCountedAmongMembersWithTwoSubmissionsAndPrioritiesOnlyWhereKept() {
        List<MemberState> members = new ArrayList<>();
        // three rise in 在宅医療 and newly prioritise it, three fall and drop it; one has no previous submission
        for (int i = 0; i < 3; i++) {
            members.add(submitted(i, "柏市", levels(3, 0).withPriority(RoleCode.HOME_CARE, true), levels(1, 0)));
            members.add(submitted(10 + i, "柏市", levels(1, 0), levels(4, 0).withPriority(RoleCode.HOME_CARE, true)));
        }
        members.add(submitted(20, "柏市", levels(4, 4), null));
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        Rollup.RoleRollup care = role(r, RoleCode.HOME_CARE);
        assertThat(care.improved()).isEqualTo(Cell.shown(3));
        assertThat(care.declined()).isEqualTo(Cell.shown(3));
        assertThat(care.newlyPrioritised()).isEqualTo(Cell.shown(3));
        assertThat(care.priorityDropped()).isEqualTo(Cell.shown(3));
        assertThat(role(r, RoleCode.OUT_OF_HOURS).improved()).isEqualTo(Cell.shown(0));

        // the same, but the previous submissions of those who fell predate changeset 011 (priorities not kept):
        // 3 compared for priorities, a group too small to show anything
        List<MemberState> older = new ArrayList<>();
        for (MemberState m : members) {
            older.add(m.facilityId() >= 10 ? new MemberState(m.facilityId(), null, m.municipality(), false, false,
                    m.lastSubmitted(), m.lastRoundId(), m.latest(), m.previous(), false) : m);
        }
        Rollup.RoleRollup olderCare = role(RollupCalculator.rollup(ASSOCIATION, older), RoleCode.HOME_CARE);
        assertThat(olderCare.declined()).isEqualTo(Cell.shown(3));
        assertThat(olderCare.newlyPrioritised()).isEqualTo(Cell.shown(3));
        assertThat(olderCare.priorityDropped()).isEqualTo(Cell.shown(0));
    }

    @Test
    void onlyConsentingMembersAreListedByMunicipalityAndNameWithTheirStatusAndLevels() {
        RoleLevels latest = levels(4, 1).withPriority(RoleCode.HOME_CARE, true);
        List<MemberState> members = List.of(
                new MemberState(5, "なの花クリニック", "柏市", true, false, MAY, 50L, latest.packed(), MemberState.NONE, true),
                new MemberState(6, null, "柏市", false, false, MAY, 60L, latest.packed(), MemberState.NONE, true),
                new MemberState(7, "あおば医院", "柏市", true, true, null, null, MemberState.NONE, MemberState.NONE, true),
                new MemberState(8, "いずみ病院", null, true, false, null, null, MemberState.NONE, MemberState.NONE, true));
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        assertThat(r.identifiedMembers()).extracting(Rollup.MemberRow::facilityId).containsExactly(8L, 7L, 5L);
        assertThat(r.identifiedMembers()).extracting(Rollup.MemberRow::status)
                .containsExactly(Rollup.Status.NOT_STARTED, Rollup.Status.IN_PROGRESS, Rollup.Status.SUBMITTED);
        Rollup.MemberRow nanohana = r.identifiedMembers().get(2);
        assertThat(nanohana.lastRoundId()).isEqualTo(50L);
        assertThat(nanohana.lastSubmitted()).isEqualTo(MAY);
        assertThat(nanohana.profile()).isEqualTo(latest);
        Map<RoleCode, Integer> byRole = nanohana.levels();
        assertThat(byRole).hasSize(14).containsEntry(RoleCode.HOME_CARE, 4).containsEntry(RoleCode.OUT_OF_HOURS, 1)
                .containsEntry(RoleCode.OTHER, 2);
        assertThat(byRole.keySet()).containsExactly(RoleCode.values());
        assertThat(r.identifiedMembers().getFirst().levels()).as("nothing submitted").isEmpty();
    }

    @Test
    void aRoleWithoutALevelInSomeRoundsIsCountedAsMissingNotBelowThree() {
        // an older questionnaire without 在宅医療: its members submitted, but have no level for it
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(submitted(i, "柏市", levels(3, 0), null));
            members.add(submitted(10 + i, "柏市", levels(0, 0).withLevel(RoleCode.HOME_CARE, null), null));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        Rollup.RoleRollup care = role(r, RoleCode.HOME_CARE);
        assertThat(care.levels()).extracting(Cell::display).containsExactly("0", "0", "0", "4", "0");
        assertThat(care.atLeastThree()).isEqualTo(Cell.shown(4));
        assertThat(r.municipalities().getFirst().coverage()).containsEntry(RoleCode.HOME_CARE, Cell.shown(4));
        assertThat(r.completeness().submitted()).isEqualTo(Cell.shown(8));
    }

    @Test
    void aSuppressionCannotBeReadBeforeItIsComplete() {
        Suppression s = new Suppression();
        Suppression.Node n = s.cell(5, 10);
        assertThatThrownBy(n::cell).isInstanceOf(IllegalStateException.class);
        s.protect();
        assertThat(n.cell()).isEqualTo(Cell.shown(5));
        assertThatThrownBy(() -> s.implicit(1).cell()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneMemberBelowLevelThreeIsNotGivenAwayByLevelThreeOrMore() {
        // 在宅医療 4, 3, 3, 0: one member below level 3, so 「レベル3以上」 = 3 of 4 would give it away
        List<MemberState> members = new ArrayList<>();
        String[] levels = {"40", "30", "30", "00"};
        for (int i = 0; i < levels.length; i++) {
            members.add(submitted(i, "柏市", levels[i]));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, members);
        Rollup.RoleRollup homeCare = role(r, RoleCode.HOME_CARE);
        assertThat(homeCare.levels().getFirst().suppressed()).isTrue();
        assertThat(homeCare.atLeastThree().suppressed()).isTrue();
        // the zeros beside them stay: hiding them would protect nothing
        assertThat(homeCare.levels().subList(1, 3)).containsExactly(Cell.shown(0), Cell.shown(0));
        // the coverage grid has one municipality: its cell would repeat 「レベル3以上」
        assertThat(r.municipalities().getFirst().coverage().get(RoleCode.HOME_CARE).suppressed()).isTrue();
        assertThat(r.completeness().submitted()).isEqualTo(Cell.shown(4));
    }

    @Test
    void noMembersMakeAnEmptyPage() {
        Rollup r = RollupCalculator.rollup(ASSOCIATION, List.of());
        assertThat(r.members()).isZero();
        assertThat(r.municipalities()).isEmpty();
        assertThat(r.identifiedMembers()).isEmpty();
        assertThat(r.roles()).hasSize(14).allSatisfy(x -> assertThat(x.levels()).allMatch(Cell::suppressed));
    }
}
