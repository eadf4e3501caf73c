package jp.kakaritsuke.base.ui.extension;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;
import java.util.function.Function;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension.PracticeToPlan;
import org.jspecify.annotations.Nullable;

/**
 * "Facilities like yours did this" on the assessment's result page; the scoring module implements it.
 *
 * @param <R> the scoring module's recommendation type (base cannot name it; the host does)
 */
public interface RecommendationExtension<R> {

    /**
     * @param overlayCase     shows a case (its number) on the page's radar; called with null to remove it again
     * @param nextLevelAnchor the anchor text of the level after the facility's current one, by role code (null: none)
     * @param addToPlan       what 「行動計画に追加」 does (null: no such button)
     */
    Component panel(R recommendation, Consumer<@Nullable String> overlayCase,
                    Function<String, @Nullable String> nextLevelAnchor, @Nullable Consumer<PracticeToPlan> addToPlan);
}
