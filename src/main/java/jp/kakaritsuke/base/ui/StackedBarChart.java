package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;

/**
 * Horizontal stacked bars (ECharts, {@code frontend/components/role-bars.ts}): one bar per category, one segment per
 * series. A null value is a suppressed cell and is left out of the bar.
 */
@Tag("role-bars")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/role-bars.ts")
public class StackedBarChart extends Component implements HasSize {

    public record Series(String name, List<Integer> values) {
    }

    private List<String> categories = List.of();
    private List<Series> series = List.of();

    public StackedBarChart() {
        setWidth("100%");
        setHeight("460px");
    }

    public void setData(List<String> categories, List<Series> series) {
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        getElement().setPropertyList("categories", this.categories);
        getElement().setPropertyList("series", this.series);
    }

    public List<String> getCategories() {
        return categories;
    }

    public List<Series> getSeries() {
        return series;
    }

    public void setAriaLabel(String label) {
        getElement().setProperty("ariaLabelText", label);
    }
}
