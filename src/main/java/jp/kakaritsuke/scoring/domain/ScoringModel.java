package jp.kakaritsuke.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.caselibrary.domain.FacilityKind;
import jp.kakaritsuke.scoring.domain.Recommendation.RecommendedPractice;
import jp.kakaritsuke.scoring.domain.Recommendation.SimilarCase;

/**
 * The similarity and recommendation model of docs/scoring.md. Immutable and thread-safe; built once per case-library
 * snapshot, then every call is pure arithmetic over arrays.
 *
 * <p>similarity = Σ wᵢ·sᵢ / Σ wᵢ over the components that apply: roles (cosine of the facility's role vector and the
 * case's marks, ×0.8 for reference cases whose tags are derived), facility kind, bed size (hospitals), area type,
 * prefecture/region.
 */
public final class ScoringModel {

    public static final double W_ROLES = 0.50;
    public static final double W_KIND = 0.25;
    public static final double W_SIZE = 0.10;
    public static final double W_AREA = 0.10;
    public static final double W_PLACE = 0.05;
    /** Derived tags of reference cases count less than the seed's own ● marks. */
    public static final double REFERENCE_ROLE_FACTOR = 0.8;
    public static final double DERIVED_ROLE_WEIGHT = 0.6;
    /** A role the facility rates 3 or more, or marks as a priority, is one of its "strong or prioritised" roles. */
    static final double STRONG = 0.75;
    public static final int MAX_PRACTICES = 10;
    public static final int MAX_PER_CASE = 2;
    /** Practices whose best role need is below this do not address a real gap or priority. */
    static final double MIN_NEED = 0.3;

    private final List<String> roleCodes;
    private final Map<String, Integer> roleIndex = new HashMap<>();
    private final CaseProfile[] cases;
    private final double[] caseNorms;
    private final String[] caseRegions;
    private final PracticeProfile[] practices;
    /** For each role, the indexes of the practices serving it (the priority pass scans only these). */
    private final int[][] practicesByRole;

    public ScoringModel(List<String> roleCodes, List<CaseProfile> cases, List<PracticeProfile> practices) {
        this.roleCodes = List.copyOf(roleCodes);
        for (int i = 0; i < roleCodes.size(); i++) {
            roleIndex.put(roleCodes.get(i), i);
        }
        this.cases = cases.toArray(CaseProfile[]::new);
        this.caseNorms = new double[this.cases.length];
        for (int c = 0; c < this.cases.length; c++) {
            caseNorms[c] = norm(this.cases[c].roleWeights());
        }
        this.caseRegions = new String[this.cases.length];
        for (int c = 0; c < this.cases.length; c++) {
            caseRegions[c] = Regions.of(this.cases[c].prefecture());
        }
        // practices are expected in id order (the library's order): ties are broken by position
        this.practices = practices.toArray(PracticeProfile[]::new);
        List<List<Integer>> byRole = new ArrayList<>();
        roleCodes.forEach(r -> byRole.add(new ArrayList<>()));
        for (int p = 0; p < this.practices.length; p++) {
            for (int r : this.practices[p].roles()) {
                byRole.get(r).add(p);
            }
        }
        this.practicesByRole = byRole.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Similar cases (at most {@code caseLimit}) and practices (at most {@code practiceLimit}) in one pass. */
    public Recommendation recommend(FacilityRoleProfile f, int caseLimit, int practiceLimit) {
        double[] sims = similarities(f);
        List<Integer> ranked = topIndices(sims, Math.max(caseLimit, 5));
        List<SimilarCase> similar = ranked.subList(0, Math.min(caseLimit, ranked.size())).stream()
                .map(c -> similarCase(f, c, sims[c])).toList();
        return new Recommendation(similar, practices(f, practiceLimit, sims, ranked.subList(0, Math.min(5, ranked.size()))));
    }

    public List<String> roleCodes() {
        return roleCodes;
    }

    public int caseCount() {
        return cases.length;
    }

    /** The facility's role vector: level/4, plus 0.5 for a priority (what it is strong in or wants to be). */
    double[] facilityVector(FacilityRoleProfile f) {
        double[] v = new double[roleCodes.size()];
        for (int r = 0; r < v.length; r++) {
            String code = roleCodes.get(r);
            v[r] = f.level(code) / 4.0 + (f.isPriority(code) ? 0.5 : 0);
        }
        return v;
    }

    /** Similarity of every case, indexed like the model's cases. */
    public double[] similarities(FacilityRoleProfile f) {
        double[] fv = facilityVector(f);
        double fNorm = norm(fv);
        double[] result = new double[cases.length];
        String region = Regions.of(f.prefecture());
        for (int c = 0; c < cases.length; c++) {
            result[c] = similarity(f, fv, fNorm, region, c);
        }
        return result;
    }

    private double similarity(FacilityRoleProfile f, double[] fv, double fNorm, String region, int c) {
        CaseProfile cp = cases[c];
        double sum = W_ROLES * roleSimilarity(fv, fNorm, c) + W_KIND * kindSimilarity(f.kind(), cp.kind());
        double weights = W_ROLES + W_KIND;
        if (f.kind() == FacilityKind.HOSPITAL && cp.kind() == FacilityKind.HOSPITAL && f.beds() > 0 && cp.beds() > 0) {
            sum += W_SIZE * sizeSimilarity(f.beds(), cp.beds());
            weights += W_SIZE;
        }
        if (f.areaType() != null && cp.areaType() != null) {
            sum += W_AREA * areaSimilarity(f.areaType(), cp.areaType());
            weights += W_AREA;
        }
        if (f.prefecture() != null) {
            double place = f.prefecture().equals(cp.prefecture()) ? 1 : Objects.equals(region, caseRegions[c]) ? 0.5 : 0;
            sum += W_PLACE * place;
            weights += W_PLACE;
        }
        return sum / weights;
    }

    double roleSimilarity(double[] fv, double fNorm, int c) {
        if (fNorm == 0 || caseNorms[c] == 0) {
            return 0;
        }
        double[] cv = cases[c].roleWeights();
        double dot = 0;
        for (int r = 0; r < fv.length; r++) {
            dot += fv[r] * cv[r];
        }
        double cosine = dot / (fNorm * caseNorms[c]);
        return cases[c].reference() ? cosine * REFERENCE_ROLE_FACTOR : cosine;
    }

    static double kindSimilarity(FacilityKind a, FacilityKind b) {
        if (a == b) {
            return 1;
        }
        boolean medical = a != FacilityKind.ASSOCIATION && b != FacilityKind.ASSOCIATION;
        return medical ? 0.3 : 0.1;
    }

    /** 1 for the same size, 0 for a tenfold difference (log scale). */
    static double sizeSimilarity(int a, int b) {
        return Math.max(0, 1 - Math.abs(Math.log(a) - Math.log(b)) / Math.log(10));
    }

    static double areaSimilarity(AreaType a, AreaType b) {
        int distance = Math.abs(a.ordinal() - b.ordinal());
        return distance == 0 ? 1 : distance == 1 ? 0.5 : 0;
    }

    /** Cases best first (ties by the model's order, i.e. the seed's), at most {@code limit}, with reasons. */
    public List<SimilarCase> similarCases(FacilityRoleProfile f, int limit) {
        double[] sims = similarities(f);
        return topIndices(sims, limit).stream().map(c -> similarCase(f, c, sims[c])).toList();
    }

    /**
     * Indexes of the {@code k} highest values, highest first, ties by lower index. A bounded heap when k is small
     * against n (10,000 synthetic cases), a plain sort otherwise.
     */
    static List<Integer> topIndices(double[] values, int k) {
        Comparator<Integer> best = Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i);
        if (k >= values.length / 4) {
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, best);
            return Arrays.asList(order).subList(0, Math.min(k, order.length));
        }
        java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(k + 1, best.reversed());
        for (int i = 0; i < values.length; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (best.compare(i, heap.peek()) < 0) {
                heap.poll();
                heap.add(i);
            }
        }
        List<Integer> result = new ArrayList<>(heap);
        result.sort(best);
        return result;
    }

    private SimilarCase similarCase(FacilityRoleProfile f, int c, double sim) {
        CaseProfile cp = cases[c];
        List<Reason> reasons = new ArrayList<>();
        if (cp.kind() == f.kind()) {
            reasons.add(Reason.of("reason.sameKind", "facilityType." + cp.kind().name()));
        }
        List<String> shared = new ArrayList<>();
        for (int r = 0; r < roleCodes.size(); r++) {
            String code = roleCodes.get(r);
            boolean strong = f.level(code) / 4.0 >= STRONG || f.isPriority(code);
            if (strong && cp.roleWeights()[r] > 0) {
                shared.add(code);
            }
        }
        if (!shared.isEmpty()) {
            reasons.add(Reason.of("reason.sharedRoles", shared.subList(0, Math.min(3, shared.size()))));
        }
        if (f.areaType() != null && f.areaType() == cp.areaType()) {
            reasons.add(Reason.of("reason.sameArea", "areaType." + cp.areaType().name()));
        }
        if (f.prefecture() != null && f.prefecture().equals(cp.prefecture())) {
            reasons.add(Reason.of("reason.samePrefecture", cp.prefecture()));
        } else if (Regions.of(f.prefecture()) != null && Regions.of(f.prefecture()).equals(Regions.of(cp.prefecture()))) {
            reasons.add(Reason.of("reason.sameRegion", Regions.of(cp.prefecture())));
        }
        if (f.kind() == FacilityKind.HOSPITAL && cp.kind() == FacilityKind.HOSPITAL && f.beds() > 0 && cp.beds() > 0
                && sizeSimilarity(f.beds(), cp.beds()) >= 0.7) {
            reasons.add(Reason.of("reason.similarBeds", cp.beds()));
        }
        if (cp.reference()) {
            reasons.add(Reason.of("reason.referenceCase"));
        }
        return new SimilarCase(cp.number(), cp.name(), cp.category().name(), cp.reference(), round3(sim), reasons);
    }

    /** How much the facility needs a role: a priority counts 1, a gap up to 0.6 (level 0) down to 0 (level 4). */
    double need(FacilityRoleProfile f, int r) {
        String code = roleCodes.get(r);
        return (f.isPriority(code) ? 1.0 : 0) + 0.6 * (4 - f.level(code)) / 4.0;
    }

    /**
     * Practices best first: priority roles first served, then the weakest roles, preferring practices of similar
     * cases, at most {@link #MAX_PER_CASE} per case (so the list stays diverse) and {@code limit} in all.
     */
    public List<RecommendedPractice> practices(FacilityRoleProfile f, int limit) {
        double[] sims = similarities(f);
        return practices(f, limit, sims, topIndices(sims, 5));
    }

    private List<RecommendedPractice> practices(FacilityRoleProfile f, int limit, double[] sims, List<Integer> topCases) {
        double[] needs = new double[roleCodes.size()];
        for (int r = 0; r < needs.length; r++) {
            needs[r] = need(f, r);
        }
        double[] scores = new double[practices.length];
        int[] bestRole = new int[practices.length];
        for (int p = 0; p < practices.length; p++) {
            double best = -1;
            int breadth = 0;
            for (int r : practices[p].roles()) {
                if (needs[r] > best || (needs[r] == best && r < bestRole[p])) {
                    best = needs[r];
                    bestRole[p] = r;
                }
                if (needs[r] >= MIN_NEED) {
                    breadth++;
                }
            }
            scores[p] = best + Math.min(0.2, 0.1 * Math.max(0, breadth - 1)) + 0.5 * sims[practices[p].caseIndex()];
        }
        Comparator<Integer> better = Comparator.<Integer>comparingDouble(p -> -scores[p]).thenComparingInt(p -> p);

        Set<Integer> chosen = new LinkedHashSet<>();
        int[] perCase = new int[cases.length];
        // 1. every priority role gets its best practice, if the library has one
        for (int r = 0; r < roleCodes.size() && chosen.size() < limit; r++) {
            if (!f.isPriority(roleCodes.get(r))) {
                continue;
            }
            Integer pick = null;
            Integer fallback = null;
            for (int p : practicesByRole[r]) {
                if (chosen.contains(p)) {
                    continue;
                }
                if (perCase[practices[p].caseIndex()] < MAX_PER_CASE) {
                    if (pick == null || better.compare(p, pick) < 0) {
                        pick = p;
                    }
                } else if (fallback == null || better.compare(p, fallback) < 0) {
                    fallback = p; // all of them from over-represented cases: coverage beats diversity
                }
            }
            Integer taken = pick != null ? pick : fallback;
            if (taken != null) {
                chosen.add(taken);
                perCase[practices[taken].caseIndex()]++;
            }
        }
        // 2. fill with the best remaining, diverse, addressing a real need. The per-case cap skips few, so the best
        // 4 × limit are enough; only if they are not does the whole list get ordered.
        List<Integer> candidates = topIndices(scores, Math.min(practices.length, 4 * limit + chosen.size()));
        fill(candidates, chosen, perCase, needs, bestRole, limit);
        if (chosen.size() < limit && candidates.size() < practices.length) {
            fill(topIndices(scores, practices.length), chosen, perCase, needs, bestRole, limit);
        }
        List<Integer> result = new ArrayList<>(chosen);
        result.sort(better);
        return result.stream().map(p -> recommended(f, p, needs, bestRole[p], scores[p], sims, topCases)).toList();
    }

    private void fill(List<Integer> ordered, Set<Integer> chosen, int[] perCase, double[] needs, int[] bestRole, int limit) {
        for (Integer p : ordered) {
            if (chosen.size() >= limit) {
                return;
            }
            if (!chosen.contains(p) && perCase[practices[p].caseIndex()] < MAX_PER_CASE && needs[bestRole[p]] >= MIN_NEED) {
                chosen.add(p);
                perCase[practices[p].caseIndex()]++;
            }
        }
    }

    private static boolean serves(PracticeProfile p, int role) {
        for (int r : p.roles()) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    private RecommendedPractice recommended(FacilityRoleProfile f, int p, double[] needs, int best, double score,
                                            double[] sims, List<Integer> topCases) {
        PracticeProfile pp = practices[p];
        CaseProfile cp = cases[pp.caseIndex()];
        List<String> roles = new ArrayList<>();
        for (int r = 0; r < roleCodes.size(); r++) {
            if (serves(pp, r) && needs[r] >= MIN_NEED) {
                roles.add(roleCodes.get(r));
            }
        }
        if (roles.isEmpty()) {
            roles.add(roleCodes.get(best));
        }
        List<Reason> reasons = new ArrayList<>();
        for (String code : roles) {
            if (f.isPriority(code)) {
                reasons.add(Reason.of("reason.priority", code));
            }
        }
        for (String code : roles) {
            if (!f.isPriority(code) && f.level(code) <= 2) {
                reasons.add(Reason.of("reason.gap", code, f.level(code)));
            }
        }
        if (topCases.contains(pp.caseIndex())) {
            reasons.add(Reason.of("reason.similarCase", cp.number(), Math.round(sims[pp.caseIndex()] * 100)));
        }
        return new RecommendedPractice(pp.id(), cp.number(), pp.number(), pp.title(), roles, reasons, round3(score));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double round3(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    /** Index of a role code, for builders. */
    public Integer roleIndex(String code) {
        return roleIndex.get(code);
    }
}
