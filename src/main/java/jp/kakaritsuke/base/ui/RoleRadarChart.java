package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A radar chart (Apache ECharts in the browser, {@code frontend/components/role-radar.ts}) for comparing scores per
 * role: the current assessment, an earlier one and reference cases. It lives in {@code base} so that every feature
 * can show one. It holds no text of its own: axis names, series names and the accessible label come from the
 * caller, already translated. The canvas is not readable by assistive technology, so callers should show the same
 * numbers in a table as well.
 *
 * <p>Set the axes before the series: every series needs exactly one value per axis. {@link #setData} replaces both
 * at once, for example when the number of axes changes.
 */
@Tag("role-radar")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/role-radar.ts")
public class RoleRadarChart extends Component implements HasSize {

    /** One spoke of the radar; {@code max} is the value at its outer ring. */
    public record Axis(String name, double max) {
        public Axis {
            Objects.requireNonNull(name, "name");
            if (!(max > 0) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("max must be a positive number: " + max);
            }
        }
    }

    /** How a series is drawn: the current result filled, an earlier one dashed, a reference case dotted. */
    public enum SeriesKind { CURRENT, PREVIOUS, CASE }

    /** One polygon: {@code values} in the order of the axes. */
    public record Series(String name, List<Double> values, SeriesKind kind) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            values = List.copyOf(values); // also rejects null values
        }
    }

    /** What the browser receives: the kind in the lower-case spelling that role-radar.ts expects. */
    record ClientSeries(String name, List<Double> values, String kind) {
        static ClientSeries of(Series s) {
            return new ClientSeries(s.name(), s.values(), s.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    private List<Axis> axes = List.of();
    private List<Series> series = List.of();
    private String ariaLabel;

    public RoleRadarChart() {
        // a sensible size for 14 axes with legend; callers may override it through HasSize
        setWidth("100%");
        setHeight("420px");
    }

    /** Sets the axes; fails if series already set do not have one value per new axis (use {@link #setData}). */
    public void setAxes(List<Axis> axes) {
        setData(axes, series);
    }

    /** Sets the series; each must have one value per axis. */
    public void setSeries(List<Series> series) {
        setData(axes, series);
    }

    /** Replaces axes and series together, so that the number of axes can change. */
    public void setData(List<Axis> axes, List<Series> series) {
        List<Axis> newAxes = List.copyOf(axes);
        List<Series> newSeries = List.copyOf(series);
        for (Series s : newSeries) {
            if (s.values().size() != newAxes.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values but the chart has " + newAxes.size() + " axes");
            }
        }
        this.axes = newAxes;
        this.series = newSeries;
        // The records serialise (Jackson 3) to exactly the {name, max} / {name, values, kind} objects the element expects.
        getElement().setPropertyList("indicators", newAxes);
        getElement().setPropertyList("series", newSeries.stream().map(ClientSeries::of).toList());
    }

    public List<Axis> getAxes() {
        return axes;
    }

    public List<Series> getSeries() {
        return series;
    }

    /**
     * The text a screen reader announces for the chart (the element has {@code role="img"}), e.g. a one-line
     * summary. {@code null} removes it.
     */
    public void setAriaLabel(String ariaLabel) {
        this.ariaLabel = ariaLabel;
        if (ariaLabel == null) {
            getElement().removeProperty("ariaLabelText");
        } else {
            getElement().setProperty("ariaLabelText", ariaLabel);
        }
    }

    public Optional<String> getAriaLabel() {
        return Optional.ofNullable(ariaLabel);
    }
}
