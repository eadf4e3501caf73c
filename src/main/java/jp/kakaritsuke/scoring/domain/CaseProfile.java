package jp.kakaritsuke.scoring.domain;

import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.CaseCategory;

/**
 * A candidate case as the model sees it. {@code roleWeights} are indexed by {@code RoleCode.ordinal()}: 1 for a ● of the seed's matrix,
 * {@link ScoringModel#DERIVED_ROLE_WEIGHT} for a derived tag of a reference case, 0 otherwise.
 */
public record CaseProfile(String number, String name, CaseCategory category, boolean reference, FacilityKind kind,
                          String prefecture, AreaType areaType, int beds, double[] roleWeights) {
}
