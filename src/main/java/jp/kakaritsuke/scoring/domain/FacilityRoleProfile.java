package jp.kakaritsuke.scoring.domain;

import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleLevels;

/**
 * What the scoring needs to know of a facility: kind, place, size, and per role a level (0–4; a missing role counts
 * 0) and whether it is a priority ({@link RoleLevels}). Built from a submitted round or sent by an API client.
 */
public record FacilityRoleProfile(FacilityKind kind, String prefecture, int beds, AreaType areaType, RoleLevels roles) {

    /** From levels by role (missing: none) and the priorities. */
    public static FacilityRoleProfile of(FacilityKind kind, String prefecture, int beds, AreaType areaType,
                                         Map<RoleCode, Integer> levels, Set<RoleCode> priorities) {
        return new FacilityRoleProfile(kind, prefecture, beds, areaType, RoleLevels.of(levels, priorities));
    }

    /** The role's level, 0 where none was given. */
    public int level(RoleCode role) {
        return roles.levelOrZero(role);
    }

    public boolean isPriority(RoleCode role) {
        return roles.isPriority(role);
    }
}
