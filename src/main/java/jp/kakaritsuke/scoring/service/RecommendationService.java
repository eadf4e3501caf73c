package jp.kakaritsuke.scoring.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jp.kakaritsuke.base.AnySignedInUser;
import jp.kakaritsuke.base.Anyone;
import java.util.function.Predicate;
import jp.kakaritsuke.caselibrary.domain.CaseKind;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.PracticeSummary;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleMark;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.scoring.domain.CaseProfile;
import jp.kakaritsuke.scoring.domain.FacilityRoleProfile;
import jp.kakaritsuke.scoring.domain.PracticeProfile;
import jp.kakaritsuke.scoring.domain.Reach;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.domain.ScoringModel;
import org.springframework.stereotype.Service;

/**
 * Similar cases and recommended practices for a facility profile. The model is built from the cached case library
 * snapshot and rebuilt only when the library is reloaded, so a recommendation touches no database.
 */
@Service
public class RecommendationService {

    private final CaseLibraryService caseLibrary;
    private final AtomicReference<Built> built = new AtomicReference<>();

    public RecommendationService(CaseLibraryService caseLibrary) {
        this.caseLibrary = caseLibrary;
    }

    @AnySignedInUser
    public Recommendation recommend(FacilityRoleProfile profile) {
        ScoringModel model = model();
        return model.recommend(profile, model.caseCount(), ScoringModel.MAX_PRACTICES);
    }

    /** The model for the current library snapshot. */
    @Anyone("the model of the published case library; no facility data")
    public ScoringModel model() {
        CaseLibrary library = caseLibrary.library();
        Built current = built.get();
        if (current == null || current.library() != library) {
            current = new Built(library, build(library));
            built.set(current);
        }
        return current.model();
    }

    /** Turns the case library into the model's arrays. */
    public static ScoringModel build(CaseLibrary library) {
        return build(library, c -> true);
    }

    /** The model over some of the cases only (the leave-one-out evaluation removes one). */
    public static ScoringModel build(CaseLibrary library, Predicate<CaseStudy> include) {
        List<CaseProfile> cases = new ArrayList<>();
        List<PracticeProfile> practices = new ArrayList<>();
        for (CaseStudy c : library.cases()) {
            if (!include.test(c)) {
                continue;
            }
            double[] weights = new double[RoleCode.values().length];
            for (RoleMark m : c.roleMarks()) {
                weights[m.roleCode().ordinal()] = m.derived() ? ScoringModel.DERIVED_ROLE_WEIGHT : 1;
            }
            int index = cases.size();
            cases.add(new CaseProfile(c.number(), c.name(), c.category(), c.kind() == CaseKind.REFERENCE,
                    c.facilityKind(), c.prefecture(), c.areaType(), c.beds().total() == null ? 0 : c.beds().total(), weights));
            for (Practice p : c.practices()) {
                PracticeSummary summary = p.summary();
                Reach.Derived reach = Reach.of(c.facilityKind(), c.number(), p.number());
                practices.add(new PracticeProfile(p.id(), index, p.number(), p.title(),
                        p.roleCodes().stream().mapToInt(RoleCode::ordinal).toArray(), summary.text(), summary.derived(),
                        reach.reach(), reach.qualifyingRole() == null ? -1 : reach.qualifyingRole().ordinal()));
            }
        }
        return new ScoringModel(cases, practices);
    }

    private record Built(CaseLibrary library, ScoringModel model) {
    }
}
