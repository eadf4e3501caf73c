package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Lines over time (ECharts, {@code frontend/components/role-trend.ts}): x = the dates of a facility's submitted rounds,
 * y = a score 0–100, one line per role, the level in the tooltip. Lines not {@code shown} start hidden and the legend
 * toggles them (14 lines at once are unreadable). It holds no text of its own: dates, names, the level word and the
 * accessible label come from the caller, already translated.
 */
@Tag("role-trend")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/role-trend.ts")
public class RoleTrendChart extends Component implements HasSize {

    /** One line: a score (null = not answered then) and the level beside it per date. */
    public record Series(String name, List<@Nullable Integer> scores, List<@Nullable Integer> levels, boolean shown) {
        public Series {
            Objects.requireNonNull(name, "name");
            scores = Collections.unmodifiableList(new ArrayList<>(scores));
            levels = Collections.unmodifiableList(new ArrayList<>(levels));
            if (scores.size() != levels.size()) {
                throw new IllegalArgumentException("series '" + name + "' has " + scores.size() + " scores and "
                        + levels.size() + " levels");
            }
        }
    }

    private List<String> dates = List.of();
    private List<Series> series = List.of();

    public RoleTrendChart() {
        setWidth("100%");
        setHeight("480px");
    }

    public void setData(List<String> dates, List<Series> series, String levelLabel) {
        for (Series s : series) {
            if (s.scores().size() != dates.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.scores().size()
                        + " values for " + dates.size() + " dates");
            }
        }
        this.dates = List.copyOf(dates);
        this.series = List.copyOf(series);
        getElement().setProperty("levelLabel", levelLabel);
        getElement().setPropertyList("dates", this.dates);
        getElement().setPropertyList("series", this.series);
    }

    public List<String> getDates() {
        return dates;
    }

    public List<Series> getSeries() {
        return series;
    }

    public void setAriaLabel(String label) {
        getElement().setProperty("ariaLabelText", label);
    }
}
