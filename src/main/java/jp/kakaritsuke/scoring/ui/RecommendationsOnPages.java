package jp.kakaritsuke.scoring.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;
import java.util.function.Function;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension.PracticeToPlan;
import jp.kakaritsuke.base.ui.extension.RecommendationExtension;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.scoring.domain.Recommendation;
import jp.kakaritsuke.scoring.service.ReasonTexts;
import org.jspecify.annotations.Nullable;

/** The recommendations on the assessment's result page (extension point {@link RecommendationExtension}). */
@org.springframework.stereotype.Component
class RecommendationsOnPages implements RecommendationExtension<Recommendation> {

    private final CaseLibraryService caseLibrary;
    private final ReasonTexts reasonTexts;

    RecommendationsOnPages(CaseLibraryService caseLibrary, ReasonTexts reasonTexts) {
        this.caseLibrary = caseLibrary;
        this.reasonTexts = reasonTexts;
    }

    @Override
    public Component panel(Recommendation recommendation, Consumer<@Nullable String> overlayCase,
                           Function<String, @Nullable String> nextLevelAnchor, @Nullable Consumer<PracticeToPlan> addToPlan) {
        return new RecommendationPanel(recommendation, caseLibrary.library(), reasonTexts,
                c -> overlayCase.accept(c == null ? null : c.number()), role -> nextLevelAnchor.apply(role.name()),
                addToPlan == null ? null
                        : (roleCode, p) -> addToPlan.accept(new PracticeToPlan(roleCode.name(), p.caseNumber(), p.practiceNumber(), p.title())));
    }
}
