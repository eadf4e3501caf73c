package jp.kakaritsuke.caselibrary.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A facility's role profile: per {@link RoleCode} a level 0–4 (or none) and whether it is a priority. Immutable, one
 * {@code long}: three bits of level per role (7 = none) in the library's role order, then a bit of priority per role,
 * so the rollup over a nation can keep 100,000 of them without allocating. It owns its encodings: the packed
 * {@code long} ({@link #packed()}, {@link #ofPacked(long)}) and the two text columns of
 * {@code facility_assessment_state} ({@link #levelsColumn()}: '0'–'4' or '-' per role; {@link #prioritiesColumn()}:
 * '1' / '0' per role; always in {@link RoleCode} order).
 */
public final class RoleLevels {

    private static final int ROLES = RoleCode.values().length;
    private static final int NONE = 7;
    private static final long ALL_NONE;
    static {
        long bits = 0;
        for (int r = 0; r < ROLES; r++) {
            bits |= (long) NONE << (3 * r);
        }
        ALL_NONE = bits;
    }
    private static final int PRIORITY_SHIFT = 3 * ROLES;

    /** No level and no priority for any role. */
    public static final RoleLevels EMPTY = new RoleLevels(ALL_NONE);

    private final long bits;

    private RoleLevels(long bits) {
        this.bits = bits;
    }

    /** The level of the role, empty where none was given. */
    public OptionalInt level(RoleCode role) {
        int l = rawLevel(bits, role.ordinal());
        return l == NONE ? OptionalInt.empty() : OptionalInt.of(l);
    }

    /** The level, 0 where none was given (how the scoring counts a missing role). */
    public int levelOrZero(RoleCode role) {
        int l = rawLevel(bits, role.ordinal());
        return l == NONE ? 0 : l;
    }

    public boolean hasLevel(RoleCode role) {
        return rawLevel(bits, role.ordinal()) != NONE;
    }

    public boolean isPriority(RoleCode role) {
        return (bits >>> (PRIORITY_SHIFT + role.ordinal()) & 1) != 0;
    }

    public Set<RoleCode> priorities() {
        EnumSet<RoleCode> result = EnumSet.noneOf(RoleCode.class);
        for (RoleCode r : RoleCode.values()) {
            if (isPriority(r)) {
                result.add(r);
            }
        }
        return result;
    }

    /** A copy with the role's level set (null: none). */
    public RoleLevels withLevel(RoleCode role, Integer level) {
        int l = level == null ? NONE : checkLevel(level);
        int shift = 3 * role.ordinal();
        return new RoleLevels(bits & ~(7L << shift) | (long) l << shift);
    }

    /** A copy with the role's priority set. */
    public RoleLevels withPriority(RoleCode role, boolean priority) {
        long mask = 1L << (PRIORITY_SHIFT + role.ordinal());
        return new RoleLevels(priority ? bits | mask : bits & ~mask);
    }

    /** From levels by role (missing: none) and the set of priorities. */
    public static RoleLevels of(Map<RoleCode, Integer> levels, Set<RoleCode> priorities) {
        RoleLevels result = EMPTY;
        for (Map.Entry<RoleCode, Integer> e : levels.entrySet()) {
            result = result.withLevel(e.getKey(), e.getValue());
        }
        for (RoleCode p : priorities) {
            result = result.withPriority(p, true);
        }
        return result;
    }

    /** The compact form, for storage or a large in-memory table; read back with {@link #ofPacked(long)}. */
    public long packed() {
        return bits;
    }

    public static RoleLevels ofPacked(long packed) {
        for (int r = 0; r < ROLES; r++) {
            int l = rawLevel(packed, r);
            if (l > 4 && l != NONE) {
                throw new IllegalArgumentException("not a packed role profile: " + Long.toHexString(packed));
            }
        }
        if (packed >>> (PRIORITY_SHIFT + ROLES) != 0) {
            throw new IllegalArgumentException("not a packed role profile: " + Long.toHexString(packed));
        }
        return new RoleLevels(packed);
    }

    /** The level of role number {@code ordinal} in a packed profile, 7 for none: for loops over many profiles. */
    public static int rawLevel(long packed, int ordinal) {
        return (int) (packed >>> (3 * ordinal) & 7);
    }

    /** Whether role number {@code ordinal} is a priority in a packed profile. */
    public static boolean rawPriority(long packed, int ordinal) {
        return (packed >>> (PRIORITY_SHIFT + ordinal) & 1) != 0;
    }

    /** The {@code levels} column: '0'–'4' or '-' per role in {@link RoleCode} order. */
    public String levelsColumn() {
        char[] s = new char[ROLES];
        for (int r = 0; r < ROLES; r++) {
            int l = rawLevel(bits, r);
            s[r] = l == NONE ? '-' : (char) ('0' + l);
        }
        return new String(s);
    }

    /** The {@code priorities} column: '1' / '0' per role in {@link RoleCode} order. */
    public String prioritiesColumn() {
        char[] s = new char[ROLES];
        for (int r = 0; r < ROLES; r++) {
            s[r] = rawPriority(bits, r) ? '1' : '0';
        }
        return new String(s);
    }

    /**
     * Reads the two columns back; a null column reads as none (levels) / no priority. A shorter column (a row written
     * before a role existed) leaves the missing roles empty; any other character is refused.
     */
    public static RoleLevels fromColumns(String levels, String priorities) {
        long bits = ALL_NONE;
        if (levels != null) {
            if (levels.length() > ROLES) {
                throw new IllegalArgumentException("levels column longer than " + ROLES + ": " + levels);
            }
            for (int r = 0; r < levels.length(); r++) {
                char c = levels.charAt(r);
                if (c >= '0' && c <= '4') {
                    bits = bits & ~(7L << (3 * r)) | (long) (c - '0') << (3 * r);
                } else if (c != '-') {
                    throw new IllegalArgumentException("not a level: '" + c + "' in " + levels);
                }
            }
        }
        if (priorities != null) {
            if (priorities.length() > ROLES) {
                throw new IllegalArgumentException("priorities column longer than " + ROLES + ": " + priorities);
            }
            for (int r = 0; r < priorities.length(); r++) {
                char c = priorities.charAt(r);
                if (c == '1') {
                    bits |= 1L << (PRIORITY_SHIFT + r);
                } else if (c != '0') {
                    throw new IllegalArgumentException("not a priority flag: '" + c + "' in " + priorities);
                }
            }
        }
        return new RoleLevels(bits);
    }

    private static int checkLevel(int level) {
        if (level < 0 || level > 4) {
            throw new IllegalArgumentException("a level is 0–4: " + level);
        }
        return level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleLevels other && other.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    @Override
    public String toString() {
        return "RoleLevels[" + levelsColumn() + "/" + prioritiesColumn() + "]";
    }

    // stream R: the associations' rollup counts 100,000 packed profiles with rawLevel / rawPriority

    /** What {@link #rawLevel} gives for a role without a level (levels are 0–4). */
    public static final int RAW_NONE = NONE;

    /** The priorities of a packed profile as bits: bit {@code r} set when role number {@code r} is a priority. */
    public static int rawPriorities(long packed) {
        return (int) (packed >>> PRIORITY_SHIFT);
    }
}
