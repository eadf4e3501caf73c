package jp.kakaritsuke.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.kakaritsuke.base.ui.RoleRadarChart.Axis;
import jp.kakaritsuke.base.ui.RoleRadarChart.Series;
import jp.kakaritsuke.base.ui.RoleRadarChart.SeriesKind;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/** The server side of the radar chart without a browser: what ends up on the element, and what is refused. */
class RoleRadarChartTest {

    static final List<Axis> AXES = List.of(new Axis("診診連携", 5), new Axis("病診連携", 5), new Axis("在宅医療", 4));

    @Test
    void dataEndsUpAsElementProperties() {
        RoleRadarChart chart = new RoleRadarChart();
        chart.setAxes(AXES);
        List<Series> series = List.of(
                new Series("今回", List.of(4.0, 3.5, 2.0), SeriesKind.CURRENT),
                new Series("前回", List.of(3.0, 3.0, 1.0), SeriesKind.PREVIOUS),
                new Series("柏モデル", List.of(5.0, 4.0, 4.0), SeriesKind.CASE));
        chart.setSeries(series);
        chart.setAriaLabel("役割別の自己評価");

        assertThat(chart.getElement().getTag()).isEqualTo("role-radar");
        assertThat(chart.getAxes()).isEqualTo(AXES);
        assertThat(chart.getSeries()).isEqualTo(series);
        assertThat(chart.getAriaLabel()).contains("役割別の自己評価");

        List<Map<String, Object>> indicators = chart.getElement().getPropertyBean("indicators", new TypeReference<>() {});
        assertThat(indicators).containsExactly(
                Map.of("name", "診診連携", "max", 5.0), Map.of("name", "病診連携", "max", 5.0),
                Map.of("name", "在宅医療", "max", 4.0));
        List<Map<String, Object>> client = chart.getElement().getPropertyBean("series", new TypeReference<>() {});
        assertThat(client).extracting(m -> m.get("kind")).containsExactly("current", "previous", "case");
        assertThat(client.get(0)).containsEntry("name", "今回").containsEntry("values", List.of(4.0, 3.5, 2.0));
        assertThat(chart.getElement().getProperty("ariaLabelText")).isEqualTo("役割別の自己評価");

        chart.setAriaLabel(null);
        assertThat(chart.getElement().hasProperty("ariaLabelText")).isFalse();
        assertThat(chart.getAriaLabel()).isEmpty();
    }

    @Test
    void hasADefaultSize() {
        RoleRadarChart chart = new RoleRadarChart();
        assertThat(chart.getWidth()).isEqualTo("100%");
        assertThat(chart.getHeight()).isEqualTo("420px");
    }

    @Test
    void aSeriesMustHaveOneValuePerAxis() {
        RoleRadarChart chart = new RoleRadarChart();
        chart.setAxes(AXES);
        assertThatThrownBy(() -> chart.setSeries(List.of(new Series("今回", List.of(1.0, 2.0), SeriesKind.CURRENT))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values").hasMessageContaining("3 axes");
        assertThat(chart.getSeries()).isEmpty();
        assertThatThrownBy(() -> new RoleRadarChart().setSeries(List.of(new Series("x", List.of(1.0), SeriesKind.CASE))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingTheNumberOfAxesNeedsMatchingSeries() {
        RoleRadarChart chart = new RoleRadarChart();
        chart.setAxes(AXES);
        chart.setSeries(List.of(new Series("今回", List.of(1.0, 2.0, 3.0), SeriesKind.CURRENT)));
        assertThatThrownBy(() -> chart.setAxes(AXES.subList(0, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(chart.getAxes()).isEqualTo(AXES);

        chart.setData(AXES.subList(0, 2), List.of(new Series("今回", List.of(1.0, 2.0), SeriesKind.CURRENT)));
        assertThat(chart.getAxes()).hasSize(2);
        assertThat(chart.getSeries().getFirst().values()).containsExactly(1.0, 2.0);
    }

    @Test
    void axesNeedAPositiveMaximum() {
        assertThatThrownBy(() -> new Axis("診診連携", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Axis("診診連携", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
