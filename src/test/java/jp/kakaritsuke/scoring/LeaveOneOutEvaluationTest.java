package jp.kakaritsuke.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.caselibrary.domain.CaseKind;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import jp.kakaritsuke.scoring.domain.Recommendation.SimilarCase;
import jp.kakaritsuke.scoring.domain.Reach;
import jp.kakaritsuke.scoring.domain.Recommendation.RecommendedPractice;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import jp.kakaritsuke.scoring.service.RecommendationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Leave-one-out over the 19 cases (docs/scoring.md): each case's own profile (level 3 on its ● roles, its kind, place,
 * size, area) is matched against the other 24 cases. The nearest cases should be of the same category and share
 * roles, far more than chance. The figures are printed for the docs; the thresholds make a regression fail the build.
 */
@SpringBootTest
class LeaveOneOutEvaluationTest {

    @Autowired
    CaseLibraryService caseLibrary;

    record Row(String number, String category, List<String> top3, boolean top1SameKind, boolean top1SameCategory,
               double top3SameCategory,
               double top3Jaccard, double baselineJaccard, int practices, int practicesSameKind, int outOfReach) {
    }

    @Test
    void nearestCasesAreOfTheSameCategoryAndShareRoles() {
        CaseLibrary library = caseLibrary.library();
        List<Row> rows = new ArrayList<>();
        for (CaseStudy held : library.cases()) {
            if (held.kind() != CaseKind.CASE) {
                continue;
            }
            ScoringModel model = RecommendationService.build(library, c -> !c.number().equals(held.number()));
            Map<RoleCode, Integer> levels = new HashMap<>();
            held.markedRoles().forEach(r -> levels.put(r, 3));
            FacilityRoleProfile profile = FacilityRoleProfile.of(held.facilityKind(), held.prefecture(),
                    held.beds().total() == null ? 0 : held.beds().total(), held.areaType(), levels, Set.of());
            List<SimilarCase> top = model.similarCases(profile, 3);
            List<CaseStudy> others = library.cases().stream().filter(c -> !c.number().equals(held.number())).toList();
            double sameCategory = top.stream().filter(c -> c.category().equals(held.category().name())).count() / 3.0;
            double jaccard = top.stream().mapToDouble(c -> jaccard(held, library.caseStudy(c.number()).orElseThrow())).average().orElse(0);
            double baseline = others.stream().mapToDouble(c -> jaccard(held, c)).average().orElse(0);
            boolean sameKind = library.caseStudy(top.getFirst().number()).orElseThrow().facilityKind() == held.facilityKind();
            // the recommended practices: how many come from a case of the same kind, and how many the applicability
            // rule should have kept out (a hospital's or an association's practice for a clinic without priorities)
            List<RecommendedPractice> practices = model.practices(profile, ScoringModel.MAX_PRACTICES);
            int practicesSameKind = 0;
            int outOfReach = 0;
            for (RecommendedPractice p : practices) {
                CaseStudy c = library.caseStudy(p.caseNumber()).orElseThrow();
                if (c.facilityKind() == held.facilityKind()) {
                    practicesSameKind++;
                }
                Reach reach = Reach.of(c.facilityKind(), c.number(), p.practiceNumber()).reach();
                if (held.facilityKind() == FacilityKind.CLINIC && (reach == Reach.HOSPITAL || reach == Reach.NETWORK)) {
                    outOfReach++;
                }
            }
            rows.add(new Row(held.number(), held.category().name(), top.stream().map(SimilarCase::number).toList(),
                    sameKind, top.getFirst().category().equals(held.category().name()), sameCategory, jaccard, baseline,
                    practices.size(), practicesSameKind, outOfReach));
        }
        double kind1 = rows.stream().filter(Row::top1SameKind).count() / (double) rows.size();
        double top1 = rows.stream().filter(Row::top1SameCategory).count() / (double) rows.size();
        double top3 = rows.stream().mapToDouble(Row::top3SameCategory).average().orElse(0);
        double jac = rows.stream().mapToDouble(Row::top3Jaccard).average().orElse(0);
        double base = rows.stream().mapToDouble(Row::baselineJaccard).average().orElse(0);

        int practices = rows.stream().mapToInt(Row::practices).sum();
        int practicesSameKind = rows.stream().mapToInt(Row::practicesSameKind).sum();
        int outOfReach = rows.stream().mapToInt(Row::outOfReach).sum();
        StringBuilder table = new StringBuilder("| case | category | nearest 3 | top-1 same kind | top-1 same category | top-3 same category | role Jaccard top-3 | Jaccard all others | practices of the same kind | out of reach |\n|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f | %.2f | %d / %d | %d |%n", r.number(),
                r.category(), String.join(", ", r.top3()), r.top1SameKind() ? "yes" : "no",
                r.top1SameCategory() ? "yes" : "no", r.top3SameCategory(),
                r.top3Jaccard(), r.baselineJaccard(), r.practicesSameKind(), r.practices(), r.outOfReach())));
        table.append(String.format(Locale.ROOT, "| **all 19** | | | **%.0f%%** | **%.0f%%** | **%.2f** | **%.2f** | **%.2f** | **%d / %d** | **%d** |%n",
                kind1 * 100, top1 * 100, top3, jac, base, practicesSameKind, practices, outOfReach));
        System.out.println("LEAVE-ONE-OUT\n" + table);

        assertThat(rows).hasSize(19);
        assertThat(kind1).as("top-1 of the same kind (clinic / hospital / association)").isGreaterThanOrEqualTo(0.95);
        assertThat(top1).as("top-1 of the same category").isGreaterThanOrEqualTo(0.8);
        assertThat(top3).as("share of the top 3 in the same category").isGreaterThanOrEqualTo(0.6);
        assertThat(jac).as("roles shared with the top 3 vs all other cases").isGreaterThan(base * 1.3);
        assertThat(outOfReach).as("hospital or association practices offered to a clinic without priorities").isZero();
    }

    static double jaccard(CaseStudy a, CaseStudy b) {
        Set<RoleCode> x = new HashSet<>(a.markedRoles());
        x.addAll(a.derivedRoles());
        Set<RoleCode> y = new HashSet<>(b.markedRoles());
        y.addAll(b.derivedRoles());
        Set<RoleCode> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 0 : x.size() / (double) union.size();
    }
}
