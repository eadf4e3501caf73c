package jp.kakaritsuke.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.associations.domain.RollupRepository.MemberStatus;
import org.junit.jupiter.api.Test;

/** The rollup's figures and what it hides, on small hand-made member sets (the property test covers random ones). */
class RollupCalculatorTest {

    static final Association ASSOCIATION = new Association(1, "柏市医師会", AssociationLevel.MUNICIPAL, "千葉県", null);
    static final List<String> ROLES = List.of("HOME_CARE", "OUT_OF_HOURS");

    static MemberStatus submitted(long id, String town, String levels) {
        return new MemberStatus(id, "施設" + id, town, false, Instant.EPOCH, false, id, levels, "00", null, null);
    }

    static MemberStatus answering(long id, String town) {
        return new MemberStatus(id, "施設" + id, town, false, null, true, null, null, null, null, null);
    }

    static MemberStatus notStarted(long id, String town) {
        return new MemberStatus(id, "施設" + id, town, false, null, false, null, null, null, null, null);
    }

    @Test
    void cellsShowTheirValueOrOneMarker() {
        assertThat(Cell.of(0, 5)).isEqualTo(Cell.shown(0));
        assertThat(Cell.of(3, 5)).isEqualTo(Cell.shown(3));
        assertThat(Cell.of(1, 5)).isEqualTo(Cell.hidden());
        assertThat(Cell.of(2, 5)).isEqualTo(Cell.hidden());
        assertThat(Cell.of(0, 2)).isEqualTo(Cell.hidden()); // any count of a group of fewer than 3
        assertThat(Cell.hidden().display()).isEqualTo("x");
        assertThat(Cell.hidden().json()).isEqualTo("x");
        assertThat(Cell.shown(7).json()).isEqualTo(7);
    }

    /** The finding: 16 members, 10 submitted, 4 not started gave 回答中 = 2 by subtraction. */
    @Test
    void theHeaderNoLongerGivesAwayTheNumberAnswering() {
        List<MemberStatus> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(submitted(i, "柏市", "33"));
        }
        members.add(answering(10, "柏市"));
        members.add(answering(11, "柏市"));
        for (int i = 12; i < 16; i++) {
            members.add(notStarted(i, "柏市"));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, ROLES, members);
        assertThat(r.members()).isEqualTo(16);
        assertThat(r.completeness().submitted()).isEqualTo(Cell.shown(10));
        assertThat(r.completeness().inProgress().suppressed()).isTrue();
        assertThat(r.completeness().notStarted().suppressed()).as("else 16 - 10 - 4 = 2").isTrue();
    }

    /** The finding: レベル3 「<3」, レベル4 = 4, 「レベル3以上」 = 6 gave レベル3 = 2. */
    @Test
    void aHiddenLevelCannotBeWorkedOutFromLevelThreeOrMore() {
        List<MemberStatus> members = new ArrayList<>();
        String[] levels = {"00", "00", "00", "10", "10", "10", "30", "30", "40", "40", "40", "40"};
        for (int i = 0; i < levels.length; i++) {
            members.add(submitted(i, "柏市", levels[i]));
        }
        Rollup.RoleRollup homeCare = RollupCalculator.rollup(ASSOCIATION, ROLES, members).roles().getFirst();
        assertThat(homeCare.levels().get(3).suppressed()).isTrue();
        // level 4 or 「レベル3以上」 (or both) is hidden too, so 3 = (3以上) - 4 has two unknowns
        assertThat(homeCare.levels().get(4).suppressed() || homeCare.atLeastThree().suppressed()).isTrue();
        assertThat(homeCare.levels().get(0)).isEqualTo(Cell.shown(3));
        // OUT_OF_HOURS: everyone at 0, nothing to hide
        Rollup.RoleRollup outOfHours = RollupCalculator.rollup(ASSOCIATION, ROLES, members).roles().get(1);
        assertThat(outOfHours.levels()).containsExactly(Cell.shown(12), Cell.shown(0), Cell.shown(0), Cell.shown(0), Cell.shown(0));
        assertThat(outOfHours.atLeastThree()).isEqualTo(Cell.shown(0));
    }

    @Test
    void figuresWithoutSmallCountsAreAllShownAndEveryMunicipalityIsListed() {
        List<MemberStatus> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(submitted(i, "柏市", i < 3 ? "30" : "40"));
        }
        for (int i = 6; i < 9; i++) {
            members.add(notStarted(i, "松戸市"));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, ROLES, members);
        assertThat(r.completeness()).isEqualTo(new Rollup.Completeness(Cell.shown(3), Cell.shown(0), Cell.shown(6)));
        assertThat(r.roles().getFirst().levels()).containsExactly(Cell.shown(0), Cell.shown(0), Cell.shown(0), Cell.shown(3), Cell.shown(3));
        assertThat(r.roles().getFirst().atLeastThree()).isEqualTo(Cell.shown(6));
        // 松戸市 has members but no submission: listed all the same (a row only where someone submitted would tell)
        assertThat(r.municipalities()).extracting(Rollup.MunicipalityRollup::municipality).containsExactly("松戸市", "柏市");
        assertThat(r.municipalities().get(1).facilities()).isEqualTo(Cell.shown(6));
        assertThat(r.municipalities().get(1).gaps()).containsExactly("OUT_OF_HOURS");
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
        List<MemberStatus> members = new ArrayList<>();
        String[] levels = {"40", "30", "30", "00"};
        for (int i = 0; i < levels.length; i++) {
            members.add(submitted(i, "柏市", levels[i]));
        }
        Rollup r = RollupCalculator.rollup(ASSOCIATION, ROLES, members);
        Rollup.RoleRollup homeCare = r.roles().getFirst();
        assertThat(homeCare.levels().getFirst().suppressed()).isTrue();
        assertThat(homeCare.atLeastThree().suppressed()).isTrue();
        // the zeros beside them stay: hiding them would protect nothing
        assertThat(homeCare.levels().subList(1, 3)).containsExactly(Cell.shown(0), Cell.shown(0));
        // the coverage grid has one municipality: its cell would repeat 「レベル3以上」
        assertThat(r.municipalities().getFirst().coverage().get("HOME_CARE").suppressed()).isTrue();
        assertThat(r.completeness().submitted()).isEqualTo(Cell.shown(4));
    }
}
