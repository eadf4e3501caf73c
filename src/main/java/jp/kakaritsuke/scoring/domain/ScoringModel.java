package jp.kakaritsuke.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.scoring.domain.Reason.Label;
import jp.kakaritsuke.scoring.domain.Recommendation.GroupKind;
import jp.kakaritsuke.scoring.domain.Recommendation.PracticeGroup;
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
    /** A role at this level or below, not a priority, is a weak role with a group of its own. */
    public static final int GAP_LEVEL = 2;
    /** Practices shown per group: one or two examples of the next step. */
    public static final int PER_GROUP = 2;
    /** A facility joins a programme (Reach.JOIN) when it already works at this level in the role it builds on. */
    public static final int JOIN_LEVEL = 2;
    /** The roles by ordinal: every array over roles in this model is indexed by {@code RoleCode.ordinal()}. */
    private static final RoleCode[] ROLES = RoleCode.values();
    /** Hospital–hospital cooperation, no gap of a clinic. */
    private static final int HOSPITAL_HOSPITAL = RoleCode.HOSPITAL_HOSPITAL.ordinal();

    private final CaseProfile[] cases;
    private final double[] caseNorms;
    private final Region[] caseRegions;
    private final PracticeProfile[] practices;
    /** For each role, the indexes of the practices serving it (the priority pass scans only these). */
    private final int[][] practicesByRole;

    /** Cases with one role weight per {@link RoleCode} (by ordinal); practices with the ordinals of their roles. */
    public ScoringModel(List<CaseProfile> cases, List<PracticeProfile> practices) {
        this.cases = cases.toArray(CaseProfile[]::new);
        this.caseNorms = new double[this.cases.length];
        for (int c = 0; c < this.cases.length; c++) {
            if (this.cases[c].roleWeights().length != ROLES.length) {
                throw new IllegalArgumentException("case " + this.cases[c].number() + " has "
                        + this.cases[c].roleWeights().length + " role weights, not " + ROLES.length);
            }
            caseNorms[c] = norm(this.cases[c].roleWeights());
        }
        this.caseRegions = new Region[this.cases.length];
        for (int c = 0; c < this.cases.length; c++) {
            caseRegions[c] = Region.of(this.cases[c].prefecture());
        }
        // practices are expected in id order (the library's order): ties are broken by position
        this.practices = practices.toArray(PracticeProfile[]::new);
        List<List<Integer>> byRole = new ArrayList<>();
        for (int r = 0; r < ROLES.length; r++) {
            byRole.add(new ArrayList<>());
        }
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
        return new Recommendation(similar, groups(f, practiceLimit, sims, ranked.subList(0, Math.min(5, ranked.size()))));
    }

    public int caseCount() {
        return cases.length;
    }

    /** The facility's role vector: level/4, plus 0.5 for a priority (what it is strong in or wants to be). */
    double[] facilityVector(FacilityRoleProfile f) {
        double[] v = new double[ROLES.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = f.level(ROLES[r]) / 4.0 + (f.isPriority(ROLES[r]) ? 0.5 : 0);
        }
        return v;
    }

    /** Similarity of every case, indexed like the model's cases. */
    public double[] similarities(FacilityRoleProfile f) {
        double[] fv = facilityVector(f);
        double fNorm = norm(fv);
        double[] result = new double[cases.length];
        Region region = Region.of(f.prefecture());
        for (int c = 0; c < cases.length; c++) {
            result[c] = similarity(f, fv, fNorm, region, c);
        }
        return result;
    }

    private double similarity(FacilityRoleProfile f, double[] fv, double fNorm, Region region, int c) {
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
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, best.reversed());
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
            reasons.add(Reason.of("reason.sameKind", new Label("facilityType." + cp.kind().name())));
        }
        List<RoleCode> shared = new ArrayList<>();
        for (int r = 0; r < ROLES.length; r++) {
            RoleCode code = ROLES[r];
            boolean strong = f.level(code) / 4.0 >= STRONG || f.isPriority(code);
            if (strong && cp.roleWeights()[r] > 0) {
                shared.add(code);
            }
        }
        if (!shared.isEmpty()) {
            reasons.add(Reason.of("reason.sharedRoles", shared.subList(0, Math.min(3, shared.size()))));
        }
        if (f.areaType() != null && f.areaType() == cp.areaType()) {
            reasons.add(Reason.of("reason.sameArea", new Label("areaType." + cp.areaType().name())));
        }
        if (f.prefecture() != null && f.prefecture().equals(cp.prefecture())) {
            reasons.add(Reason.of("reason.samePrefecture", cp.prefecture()));
        } else if (Region.of(f.prefecture()) != null && Region.of(f.prefecture()) == Region.of(cp.prefecture())) {
            reasons.add(Reason.of("reason.sameRegion", new Label("region." + Region.of(cp.prefecture()).name())));
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

    /**
     * How much the facility needs a role: a priority counts 1, a gap up to 0.6 (level 0) down to 0 (level 4). Hospital
     * to hospital cooperation is no gap of a clinic (a clinic has no hospital partner role to grow into), only a
     * priority if it chose it.
     */
    double need(FacilityRoleProfile f, int r) {
        RoleCode code = ROLES[r];
        boolean priority = f.isPriority(code);
        if (!priority && f.kind() == FacilityKind.CLINIC && r == HOSPITAL_HOSPITAL) {
            return 0;
        }
        return (priority ? 1.0 : 0) + 0.6 * (4 - f.level(code)) / 4.0;
    }

    /**
     * Whether a practice applies to the facility whatever its priorities (docs/scoring.md, "Applicability"): what a
     * hospital does with its beds is not for a clinic, what an association runs not for a single clinic or hospital,
     * and a programme one joins only for a facility already at level {@link #JOIN_LEVEL} or more in the role it builds
     * on. A priority role opens its own group to every practice serving it (see {@link #groups}).
     */
    boolean offered(FacilityRoleProfile f, PracticeProfile p) {
        return switch (p.reach()) {
            case OPEN -> true;
            case HOSPITAL -> f.kind() != FacilityKind.CLINIC;
            case NETWORK -> f.kind() == FacilityKind.ASSOCIATION;
            case JOIN -> f.kind() == FacilityKind.ASSOCIATION
                    || (p.qualifyingRole() >= 0 && f.level(ROLES[p.qualifyingRole()]) >= JOIN_LEVEL);
        };
    }

    /** Ids of every practice that applies to the facility (whether or not it is among the recommended few). */
    public List<Long> applicablePracticeIds(FacilityRoleProfile f) {
        boolean[] priority = new boolean[ROLES.length];
        for (int r = 0; r < priority.length; r++) {
            priority[r] = f.isPriority(ROLES[r]);
        }
        List<Long> ids = new ArrayList<>();
        for (PracticeProfile p : practices) {
            if (offered(f, p) || servesAny(p, priority)) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    private static boolean servesAny(PracticeProfile p, boolean[] roles) {
        for (int r : p.roles()) {
            if (roles[r]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Practices in the one order of the page, the API and the report: {@link #groups} flattened.
     */
    public List<RecommendedPractice> practices(FacilityRoleProfile f, int limit) {
        return new Recommendation(List.of(), groups(f, limit)).practices();
    }

    /** The groups of practices of {@link #recommend}, computed alone. */
    public List<PracticeGroup> groups(FacilityRoleProfile f, int limit) {
        double[] sims = similarities(f);
        return groups(f, limit, sims, topIndices(sims, 5));
    }

    /**
     * One group per priority role (roles' order), then per weak role (level 0–2, weakest first, then roles' order).
     * The priority groups take turns first (each its best applicable practice, then each a second), then the weak-role
     * groups the same way, until {@code limit} practices are chosen; at most {@link #MAX_PER_CASE} per case so the list stays diverse (a priority
     * role takes a third if nothing else serves it). A practice is shown once, in the first group that took it.
     * Within a role, practices rank by score: the highest need among the roles they serve, + 0.1 per further needed
     * role (at most +0.2), + 0.5 × the similarity of their case.
     */
    private List<PracticeGroup> groups(FacilityRoleProfile f, int limit, double[] sims, List<Integer> topCases) {
        int roleCount = ROLES.length;
        double[] needs = new double[roleCount];
        boolean[] priority = new boolean[roleCount];
        for (int r = 0; r < roleCount; r++) {
            needs[r] = need(f, r);
            priority[r] = f.isPriority(ROLES[r]);
        }
        double[] scores = new double[practices.length];
        boolean[] offered = new boolean[practices.length];
        for (int p = 0; p < practices.length; p++) {
            offered[p] = offered(f, practices[p]);
            double best = -1;
            int breadth = 0;
            for (int r : practices[p].roles()) {
                best = Math.max(best, needs[r]);
                if (needs[r] >= MIN_NEED) {
                    breadth++;
                }
            }
            scores[p] = best + Math.min(0.2, 0.1 * Math.max(0, breadth - 1)) + 0.5 * sims[practices[p].caseIndex()];
        }

        // the group roles: priorities in the roles' order, then the gaps, weakest first
        int[] groupRoles = new int[roleCount];
        int groupCount = 0;
        for (int r = 0; r < roleCount; r++) {
            if (priority[r]) {
                groupRoles[groupCount++] = r;
            }
        }
        int firstGap = groupCount;
        for (int level = 0; level <= GAP_LEVEL; level++) {
            for (int r = 0; r < roleCount; r++) {
                if (!priority[r] && f.level(ROLES[r]) == level && needs[r] >= MIN_NEED) {
                    groupRoles[groupCount++] = r;
                }
            }
        }

        int[][] picked = new int[groupCount][PER_GROUP];
        int[] pickedCount = new int[groupCount];
        boolean[] chosen = new boolean[practices.length];
        int[] perCase = new int[cases.length];
        int total = 0;
        // the priorities take their one or two first, then the weak roles take turns with what is left
        for (int phase = 0; phase < 2; phase++) {
            int from = phase == 0 ? 0 : firstGap;
            int to = phase == 0 ? firstGap : groupCount;
            for (int round = 0; round < PER_GROUP; round++) {
                for (int g = from; g < to && total < limit; g++) {
                    int r = groupRoles[g];
                    int pick = -1;
                    int fallback = -1;
                    // a priority role's group takes any practice serving it: the facility asked for examples of that role
                    boolean open = priority[r];
                    for (int p : practicesByRole[r]) {
                        if (chosen[p] || !(offered[p] || open)) {
                            continue;
                        }
                        if (perCase[practices[p].caseIndex()] < MAX_PER_CASE) {
                            if (pick < 0 || better(scores, p, pick)) {
                                pick = p;
                            }
                        } else if (fallback < 0 || better(scores, p, fallback)) {
                            fallback = p;
                        }
                    }
                    // coverage beats diversity for a priority's first practice
                    int taken = pick >= 0 ? pick : (round == 0 && g < firstGap ? fallback : -1);
                    if (taken < 0 && round == 0 && g < firstGap) {
                        // everything serving this priority is already shown for an earlier priority (産業保健 has one
                        // practice, also 学校保健's): shown again here rather than an empty group
                        int again = -1;
                        for (int p : practicesByRole[r]) {
                            if (again < 0 || better(scores, p, again)) {
                                again = p;
                            }
                        }
                        if (again >= 0) {
                            picked[g][pickedCount[g]++] = again;
                        }
                        continue;
                    }
                    if (taken >= 0) {
                        chosen[taken] = true;
                        perCase[practices[taken].caseIndex()]++;
                        picked[g][pickedCount[g]++] = taken;
                        total++;
                    }
                }
            }
        }

        List<PracticeGroup> result = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            boolean isPriority = g < firstGap;
            if (!isPriority && pickedCount[g] == 0) {
                continue;
            }
            int r = groupRoles[g];
            List<RecommendedPractice> list = new ArrayList<>(pickedCount[g]);
            for (int i = 0; i < pickedCount[g]; i++) {
                int p = picked[g][i];
                list.add(recommended(f, p, r, needs, scores[p], sims, topCases));
            }
            result.add(new PracticeGroup(ROLES[r], isPriority ? GroupKind.PRIORITY : GroupKind.GAP, f.level(ROLES[r]),
                    list));
        }
        return result;
    }

    private static boolean better(double[] scores, int p, int q) {
        return scores[p] > scores[q] || (scores[p] == scores[q] && p < q);
    }

    private static boolean serves(PracticeProfile p, int role) {
        for (int r : p.roles()) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    private RecommendedPractice recommended(FacilityRoleProfile f, int p, int groupRole, double[] needs, double score,
                                            double[] sims, List<Integer> topCases) {
        PracticeProfile pp = practices[p];
        CaseProfile cp = cases[pp.caseIndex()];
        List<RoleCode> roles = new ArrayList<>();
        for (int r = 0; r < ROLES.length; r++) {
            if (serves(pp, r) && (needs[r] >= MIN_NEED || r == groupRole)) {
                roles.add(ROLES[r]);
            }
        }
        List<Reason> reasons = new ArrayList<>();
        for (RoleCode code : roles) {
            if (f.isPriority(code)) {
                reasons.add(Reason.of("reason.priority", code));
            }
        }
        for (RoleCode code : roles) {
            if (!f.isPriority(code) && f.level(code) <= GAP_LEVEL) {
                reasons.add(Reason.of("reason.gap", code, f.level(code)));
            }
        }
        SourceReference source = new SourceReference(cp.number(), null);
        boolean similar = topCases.contains(pp.caseIndex());
        long percent = Math.round(sims[pp.caseIndex()] * 100);
        if (similar) {
            reasons.add(Reason.of("reason.similarCase", source, percent));
        }
        RoleCode group = ROLES[groupRole];
        Label kindSimilar = new Label("reason.kindSimilar." + cp.kind().name());
        Label kind = new Label("reason.kind." + cp.kind().name());
        Reason why;
        if (f.isPriority(group)) {
            why = similar
                    ? Reason.of("reason.why.prioritySimilar", group, kindSimilar, source, percent)
                    : Reason.of("reason.why.priority", group, kind, source);
        } else {
            why = similar
                    ? Reason.of("reason.why.gapSimilar", group, f.level(group), kindSimilar, source, percent)
                    : Reason.of("reason.why.gap", group, f.level(group), kind, source);
        }
        return new RecommendedPractice(pp.id(), cp.number(), pp.number(), pp.title(), pp.summary(), pp.summaryDerived(),
                roles, reasons, why, round3(score));
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
}
