package jp.kakaritsuke.scoring.domain;

import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;

/**
 * What the scoring needs to know of a facility: kind, place, size, and per role a level (0–4; a missing role counts
 * 0) and whether it is a priority. Built from a submitted round or sent by an API client.
 */
public record FacilityRoleProfile(FacilityKind kind, String prefecture, int beds, AreaType areaType,
                                  Map<String, Integer> levels, Set<String> priorities) {

    public FacilityRoleProfile {
        levels = Map.copyOf(levels);
        priorities = Set.copyOf(priorities);
    }

    public int level(String roleCode) {
        return levels.getOrDefault(roleCode, 0);
    }

    public boolean isPriority(String roleCode) {
        return priorities.contains(roleCode);
    }
}
