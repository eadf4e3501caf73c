package jp.kakaritsuke.peers.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import jp.kakaritsuke.base.ui.PeerDistributionChart;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.RoleDistribution;
import jp.kakaritsuke.peers.domain.RoleDistribution.Spread;
import org.jspecify.annotations.Nullable;

/**
 * One comparison: what the group is, then either why nothing is shown, or the chart and the same numbers as a table
 * (the chart's text alternative). A role without statistics has no box, and its row says why.
 */
class PeerResult extends Div {

    static final int PHONE_PX = 600;

    private final CaseLibrary library;
    final Paragraph about;
    final Paragraph size = new Paragraph();
    final Paragraph withheld = new Paragraph();
    final PeerDistributionChart chart = new PeerDistributionChart();
    final Grid<RoleDistribution> table = new Grid<>();
    final Paragraph explain = new Paragraph();
    private final Grid.Column<RoleDistribution> spreadColumn;
    private final Grid.Column<RoleDistribution> countColumn;
    @Nullable PeerComparison comparison;

    PeerResult(CaseLibrary library, String about) {
        this.library = library;
        addClassName("peer-result");
        setWidthFull();
        this.about = new Paragraph(about);
        this.about.addClassName("peer-about");
        size.addClassName("peer-size");
        withheld.addClassName("peer-withheld");
        explain.addClassName("hint");
        explain.setText(getTranslation("peers.explain"));
        chart.setAriaLabel(getTranslation("peers.chart.label"));
        chart.addClassName("peer-chart");

        // headers and role names wrap, the numbers stay narrow; on a phone the range and the count fold away
        table.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        table.addClassName("peer-table");
        table.addColumn(r -> library.roleName(r.role(), getLocale())).setHeader(wrapping("peers.col.role"))
                .setFlexGrow(3).setWidth("7rem");
        table.addColumn(r -> r.facilityLevel() == null ? getTranslation("peers.unanswered") : String.valueOf(r.facilityLevel()))
                .setHeader(wrapping("peers.col.own")).setFlexGrow(0).setWidth("4.5rem");
        table.addColumn(r -> r.spread() == null ? getTranslation("peers.role.tooFew") : String.valueOf(r.spread().median()))
                .setHeader(wrapping("peers.col.median")).setFlexGrow(1).setWidth("5rem");
        spreadColumn = table.addColumn(r -> r.spread() == null ? "" : getTranslation("peers.range", r.spread().q1(), r.spread().q3()))
                .setHeader(wrapping("peers.col.spread")).setFlexGrow(0).setWidth("5rem");
        table.addColumn(r -> r.spread() == null || r.spread().percentile() == null ? ""
                        : getTranslation("peers.percentile", r.spread().percentile()))
                .setHeader(wrapping("peers.col.percentile")).setFlexGrow(0).setWidth("5.5rem");
        countColumn = table.addColumn(r -> r.spread() == null ? "" : String.valueOf(r.spread().count()))
                .setHeader(wrapping("peers.col.count")).setFlexGrow(0).setWidth("4.5rem");
        table.setAllRowsVisible(true);
        table.setWidthFull();
        add(this.about, withheld, size, chart, table, explain);
        show(null);
        addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(client -> phoneColumns(client.getWindowInnerWidth())));
    }

    /** Shows a comparison; null shows nothing but the group's description (before it is counted). */
    void show(@Nullable PeerComparison c) {
        this.comparison = c;
        boolean stats = c != null && c.withheld() == null;
        withheld.setVisible(c != null && c.withheld() != null);
        if (c != null && c.withheld() != null) {
            withheld.setText(getTranslation("peers.withheld." + c.withheld().name()));
        }
        size.setVisible(stats);
        chart.setVisible(stats);
        table.setVisible(stats);
        explain.setVisible(stats);
        if (!stats) {
            table.setItems(List.of());
            return;
        }
        size.setText(getTranslation("peers.size", c.size()));
        table.setItems(c.roles());
        chart.setData(c.roles().stream().map(r -> {
            Spread s = r.spread();
            return new PeerDistributionChart.Role(library.roleName(r.role(), getLocale()),
                    s == null ? null : s.q1(), s == null ? null : s.median(), s == null ? null : s.q3(), r.facilityLevel());
        }).toList(), new PeerDistributionChart.Labels(getTranslation("peers.chart.spread"),
                getTranslation("peers.chart.median"), getTranslation("peers.chart.own")));
    }

    void phoneColumns(int windowWidth) {
        boolean phone = windowWidth < PHONE_PX;
        spreadColumn.setVisible(!phone);
        countColumn.setVisible(!phone);
    }

    private Span wrapping(String key) {
        Span header = new Span(getTranslation(key));
        header.addClassName("wrapping-header");
        return header;
    }
}
