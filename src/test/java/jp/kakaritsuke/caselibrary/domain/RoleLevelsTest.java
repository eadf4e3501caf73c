package jp.kakaritsuke.caselibrary.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed role profile and its encodings, without Spring or a database. */
class RoleLevelsTest {

    private static final int ROLES = RoleCode.values().length;

    /** A profile with a random level (or none) and priority per role, the same for the same seed. */
    private static RoleLevels random(Random random) {
        RoleLevels levels = RoleLevels.EMPTY;
        for (RoleCode r : RoleCode.values()) {
            int l = random.nextInt(6);
            levels = levels.withLevel(r, l == 5 ? null : l).withPriority(r, random.nextBoolean());
        }
        return levels;
    }

    @Test
    void emptyHasNoLevelAndNoPriority() {
        for (RoleCode r : RoleCode.values()) {
            assertThat(RoleLevels.EMPTY.level(r)).isEqualTo(OptionalInt.empty());
            assertThat(RoleLevels.EMPTY.levelOrZero(r)).isZero();
            assertThat(RoleLevels.EMPTY.hasLevel(r)).isFalse();
            assertThat(RoleLevels.EMPTY.isPriority(r)).isFalse();
        }
        assertThat(RoleLevels.EMPTY.priorities()).isEmpty();
        assertThat(RoleLevels.EMPTY.levelsColumn()).isEqualTo("-".repeat(ROLES));
        assertThat(RoleLevels.EMPTY.prioritiesColumn()).isEqualTo("0".repeat(ROLES));
    }

    @Test
    void levelsAndPrioritiesAreKeptPerRoleInRoleCodeOrder() {
        RoleLevels l = RoleLevels.of(Map.of(RoleCode.CLINIC_CLINIC, 0, RoleCode.HOME_CARE, 4, RoleCode.OTHER, 2),
                Set.of(RoleCode.HOME_CARE, RoleCode.MATERNAL_CHILD));
        assertThat(l.level(RoleCode.CLINIC_CLINIC)).hasValue(0);
        assertThat(l.hasLevel(RoleCode.CLINIC_CLINIC)).isTrue();
        assertThat(l.level(RoleCode.HOME_CARE)).hasValue(4);
        assertThat(l.level(RoleCode.OTHER)).hasValue(2);
        assertThat(l.level(RoleCode.MATERNAL_CHILD)).isEmpty();
        assertThat(l.levelOrZero(RoleCode.MATERNAL_CHILD)).isZero();
        assertThat(l.priorities()).containsExactly(RoleCode.MATERNAL_CHILD, RoleCode.HOME_CARE);
        // one character per role in the enum's order: CLINIC_CLINIC first, HOME_CARE ninth, OTHER last
        assertThat(l.levelsColumn()).isEqualTo("0-------4----2");
        assertThat(l.prioritiesColumn()).isEqualTo("00010000100000");
        // immutable: a change is a copy
        RoleLevels changed = l.withLevel(RoleCode.HOME_CARE, null).withPriority(RoleCode.HOME_CARE, false);
        assertThat(changed.level(RoleCode.HOME_CARE)).isEmpty();
        assertThat(changed.isPriority(RoleCode.HOME_CARE)).isFalse();
        assertThat(l.level(RoleCode.HOME_CARE)).hasValue(4);
        assertThat(changed).isNotEqualTo(l);
        assertThat(changed.withLevel(RoleCode.HOME_CARE, 4).withPriority(RoleCode.HOME_CARE, true)).isEqualTo(l)
                .hasSameHashCodeAs(l);
    }

    @Test
    void everyEncodingRoundTrips() {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            RoleLevels l = random(random);
            assertThat(RoleLevels.ofPacked(l.packed())).isEqualTo(l);
            assertThat(RoleLevels.fromColumns(l.levelsColumn(), l.prioritiesColumn())).isEqualTo(l);
            Map<RoleCode, Integer> levels = new EnumMap<>(RoleCode.class);
            for (RoleCode r : RoleCode.values()) {
                l.level(r).ifPresent(v -> levels.put(r, v));
            }
            assertThat(RoleLevels.of(levels, l.priorities())).isEqualTo(l);
        }
    }

    @Test
    void thePackedFormIsReadRoleByRoleWithoutAnObject() {
        RoleLevels l = RoleLevels.of(Map.of(RoleCode.OUT_OF_HOURS, 3, RoleCode.CAREER_SUPPORT, 0),
                EnumSet.of(RoleCode.CAREER_SUPPORT, RoleCode.CLINIC_CLINIC));
        long packed = l.packed();
        for (RoleCode r : RoleCode.values()) {
            int raw = RoleLevels.rawLevel(packed, r.ordinal());
            assertThat(raw).as(r.name()).isEqualTo(l.level(r).orElse(7));
            assertThat(RoleLevels.rawPriority(packed, r.ordinal())).as(r.name()).isEqualTo(l.isPriority(r));
        }
        assertThat(RoleLevels.EMPTY.packed()).isNotZero(); // "none" is not level 0
        assertThat(RoleLevels.of(Map.of(RoleCode.CLINIC_CLINIC, 0), Set.of()).packed())
                .isNotEqualTo(RoleLevels.EMPTY.packed());
    }

    @Test
    void invalidInputIsRefused() {
        assertThatThrownBy(() -> RoleLevels.EMPTY.withLevel(RoleCode.HOME_CARE, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.EMPTY.withLevel(RoleCode.HOME_CARE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.of(Map.of(RoleCode.OTHER, 7), Set.of())).isInstanceOf(IllegalArgumentException.class);
        // a level of 5 or 6 in the packed form, or bits beyond the priorities
        assertThatThrownBy(() -> RoleLevels.ofPacked(RoleLevels.EMPTY.packed() & ~7L | 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.ofPacked(RoleLevels.EMPTY.packed() | 1L << (4 * ROLES)))
                .isInstanceOf(IllegalArgumentException.class);
        // characters that are no level or flag, and columns longer than the roles
        assertThatThrownBy(() -> RoleLevels.fromColumns("5" + "-".repeat(ROLES - 1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.fromColumns("x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.fromColumns(null, "2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.fromColumns("-".repeat(ROLES + 1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleLevels.fromColumns(null, "0".repeat(ROLES + 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shorterOrMissingColumnsLeaveTheMissingRolesEmpty() {
        // a row written before a role existed: the roles after the column's end have no level and no priority
        RoleLevels l = RoleLevels.fromColumns("34", "1");
        assertThat(l.level(RoleCode.CLINIC_CLINIC)).hasValue(3);
        assertThat(l.level(RoleCode.CLINIC_HOSPITAL)).hasValue(4);
        assertThat(l.isPriority(RoleCode.CLINIC_CLINIC)).isTrue();
        for (RoleCode r : RoleCode.values()) {
            if (r.ordinal() >= 2) {
                assertThat(l.level(r)).as(r.name()).isEmpty();
                assertThat(l.isPriority(r)).as(r.name()).isFalse();
            }
        }
        assertThat(l.levelsColumn()).isEqualTo("34" + "-".repeat(ROLES - 2));
        assertThat(RoleLevels.fromColumns(null, null)).isEqualTo(RoleLevels.EMPTY);
        assertThat(RoleLevels.fromColumns("", "")).isEqualTo(RoleLevels.EMPTY);
    }

    @Test
    void roleCodesAreReadStrictlyOrLoosely() {
        assertThat(RoleCode.of("HOME_CARE")).isEqualTo(RoleCode.HOME_CARE);
        assertThatThrownBy(() -> RoleCode.of("home_care")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoleCode.parse("OTHER")).hasValue(RoleCode.OTHER);
        assertThat(RoleCode.parse("NO_SUCH_ROLE")).isEmpty();
        assertThat(RoleCode.parse(null)).isEmpty();
    }
}
