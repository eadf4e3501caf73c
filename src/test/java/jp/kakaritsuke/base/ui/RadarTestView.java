package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import jp.kakaritsuke.base.ui.RoleRadarChart.Axis;
import jp.kakaritsuke.base.ui.RoleRadarChart.Series;
import jp.kakaritsuke.base.ui.RoleRadarChart.SeriesKind;

/**
 * Test-only page (it exists on the test classpath only) for {@code RoleRadarBrowserTest}: the 14 roles of the 事例集
 * and two series, reachable without login and outside the main layout so nothing else is in the picture.
 */
@Route(value = "test/radar", autoLayout = false)
@AnonymousAllowed
public class RadarTestView extends Div {

    static final List<String> ROLES = List.of("診診連携", "病診連携", "病病連携", "母子保健", "学校保健", "産業保健",
            "介護・福祉との連携", "休日夜間・24時間対応", "在宅医療", "看取り", "多職種連携", "有事対応", "医師のキャリア支援", "その他");

    public RadarTestView() {
        setWidth("960px");
        RoleRadarChart chart = new RoleRadarChart();
        chart.setId("radar");
        chart.setAxes(ROLES.stream().map(name -> new Axis(name, 5)).toList());
        chart.setSeries(List.of(
                new Series("今回（2026年）", List.of(4.0, 3.5, 2.0, 3.0, 2.5, 1.0, 4.0, 3.0, 4.5, 3.5, 4.0, 2.0, 1.5, 1.0),
                        SeriesKind.CURRENT),
                new Series("前回（2025年）", List.of(3.0, 3.0, 1.5, 2.0, 2.5, 1.0, 3.0, 2.0, 3.5, 2.5, 3.0, 1.0, 1.0, 0.5),
                        SeriesKind.PREVIOUS)));
        chart.setAriaLabel("役割別の自己評価（14項目、今回と前回）");
        add(chart);
    }
}
