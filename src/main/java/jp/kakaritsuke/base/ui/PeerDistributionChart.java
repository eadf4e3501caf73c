package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a facility stands among its peers, per role (ECharts, {@code frontend/components/peer-distribution.ts}): a box
 * from the first to the third quartile, a tick at the median and the facility's level as a dot, on the level scale
 * 0–4. It holds no text of its own (names and labels come translated from the caller) and the canvas is not readable
 * by assistive technology: callers show the same numbers in a table and say so in the aria label.
 */
@Tag("peer-distribution")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/peer-distribution.ts")
public class PeerDistributionChart extends Component implements HasSize {

    /** Pixels per role row and for the axis and legend: the height follows the number of roles, not the screen. */
    static final int ROW_PX = 34;
    static final int FRAME_PX = 72;

    /**
     * One role's row. A role without statistics has q1, median and q3 null (no box is drawn), a role the facility did
     * not answer has {@code own} null (no dot).
     */
    public record Role(String name, @Nullable Integer q1, @Nullable Integer median, @Nullable Integer q3,
                       @Nullable Integer own) {
        public Role {
            Objects.requireNonNull(name, "name");
            if ((q1 == null) != (q3 == null) || (q1 == null) != (median == null)) {
                throw new IllegalArgumentException("q1, median and q3 come together: " + name);
            }
            if (q1 != null && !(q1 <= median && median <= q3)) {
                throw new IllegalArgumentException("quartiles out of order for " + name + ": " + q1 + ", " + median + ", " + q3);
            }
        }
    }

    /** The legend's words: the box, the median tick and the facility's dot. */
    public record Labels(String spread, String median, String own) {
    }

    private List<Role> roles = List.of();

    public PeerDistributionChart() {
        setWidth("100%");
        setHeight(FRAME_PX + "px");
    }

    public void setData(List<Role> roles, Labels labels) {
        this.roles = List.copyOf(roles);
        getElement().setPropertyList("roles", this.roles);
        getElement().setPropertyBean("labels", labels);
        setHeight(FRAME_PX + ROW_PX * this.roles.size() + "px");
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setAriaLabel(String label) {
        getElement().setProperty("ariaLabelText", label);
    }

    public String getAriaLabel() {
        return getElement().getProperty("ariaLabelText", "");
    }
}
