package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.associations.domain.Cell;
import jp.kakaritsuke.associations.domain.ReportReadiness;
import jp.kakaritsuke.associations.service.ReportReadinessService;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.ui.Grids;
import jp.kakaritsuke.base.ui.InvalidAddressException;
import jp.kakaritsuke.base.ui.UrlParameters;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.ItemAnswerType;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportFunction;
import jp.kakaritsuke.functionreport.domain.ReportItem;

/**
 * How an association's members stand with one year's かかりつけ医機能報告 (issue 12): the states per municipality, then
 * per 2号 item the answers of the members that will report 2号, municipalities × choices, then the consenting members
 * by name with their state. Every figure comes protected from the service; a wide table scrolls inside itself.
 */
@Route("associations/report-readiness")
@PermitAll
class ReportReadinessView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ReportReadinessService service;
    ReportReadiness readiness;
    ReportEdition edition;
    Select<Integer> year;
    Grid<ReportReadiness.MunicipalityReadiness> states;
    final List<Grid<ReportReadiness.Row>> itemGrids = new ArrayList<>();
    Grid<ReportReadiness.MemberRow> members;

    ReportReadinessView(ReportReadinessService service) {
        this.service = service;
        setWidthFull();
        addClassName("readiness-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long associationId) {
        Integer chosen = UrlParameters.positiveInt(event.getLocation().getQueryParameters(), "year", 9999).orElse(null);
        ReportReadinessService.Overview overview;
        try {
            overview = service.overview(associationId, chosen);
        } catch (FieldErrors e) {
            throw new InvalidAddressException("year"); // a year without items in the address: a broken link
        }
        render(overview);
    }

    void render(ReportReadinessService.Overview overview) {
        readiness = overview.readiness();
        edition = overview.edition();
        removeAll();
        itemGrids.clear();
        Locale locale = getLocale();
        String yearText = String.valueOf(readiness.reportYear());

        add(new H2(getTranslation("readiness.title", readiness.associationName(), yearText)));
        year = new Select<>();
        year.setLabel(getTranslation("readiness.year"));
        year.setWidth("15rem");
        year.setItems(overview.years());
        year.setItemLabelGenerator(y -> getTranslation("readiness.yearOption", String.valueOf(y)));
        year.setValue(readiness.reportYear());
        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(ReportReadinessView.class, readiness.associationId(),
                        QueryParameters.of("year", String.valueOf(e.getValue()))));
            }
        });
        var back = new RouterLink(getTranslation("readiness.back"), AssociationRollupView.class, readiness.associationId());
        Anchor workbook = new Anchor("api/v1/associations/" + readiness.associationId() + "/rollup.xlsx?reportYear=" + yearText,
                getTranslation("readiness.download"));
        workbook.getElement().setAttribute("download", true);
        HorizontalLayout links = new HorizontalLayout(back, workbook);
        links.setWrap(true);
        HorizontalLayout top = new HorizontalLayout(year, links);
        top.setWrap(true);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(top);

        add(hint(getTranslation("readiness.intro", yearText)));
        // associations file no report: say so, with how many association offices were left out
        add(hint(getTranslation("readiness.associationsNote", readiness.notReporting())));
        if (readiness.editionYear() < readiness.reportYear()) {
            add(hint(getTranslation("readiness.editionPending", yearText, String.valueOf(readiness.editionYear()))));
        }
        add(hint(getTranslation("rollup.suppressionNote", Cell.MIN_FACILITIES)));

        ReportReadiness.Readiness t = readiness.total();
        HorizontalLayout badges = new HorizontalLayout(new Span(getTranslation("readiness.members", readiness.members())),
                badge(getTranslation("readiness.notStarted", t.notStarted().display())),
                badge(getTranslation("readiness.inProgress", t.inProgress().display())),
                badge(getTranslation("readiness.submitted", t.submitted().display())),
                badge(getTranslation("readiness.no1Met", t.no1Met().display())),
                badge(getTranslation("readiness.no1NotMet", t.no1NotMet().display())));
        badges.setWrap(true);
        badges.addClassName("readiness-badges");
        add(badges, hint(getTranslation("readiness.categoriesHint")));

        // the states per municipality, the total first
        states = grid();
        states.addColumn(m -> m.municipality() == null ? getTranslation("readiness.total") : m.municipality())
                .setHeader(getTranslation("facility.municipality")).setWidth("8rem").setFlexGrow(0).setFrozen(true);
        states.addColumn(ReportReadiness.MunicipalityReadiness::members).setHeader(getTranslation("readiness.col.members"));
        states.addColumn(m -> m.readiness().notStarted().display()).setHeader(getTranslation("readiness.col.notStarted"));
        states.addColumn(m -> m.readiness().inProgress().display()).setHeader(getTranslation("readiness.col.inProgress"));
        states.addColumn(m -> m.readiness().submitted().display()).setHeader(getTranslation("readiness.col.submitted"));
        states.addColumn(m -> m.readiness().no1Met().display()).setHeader(getTranslation("readiness.col.no1Met"));
        states.addColumn(m -> m.readiness().no1NotMet().display()).setHeader(getTranslation("readiness.col.no1NotMet"));
        states.getColumns().stream().skip(1).forEach(c -> c.setWidth("6rem").setFlexGrow(1));
        List<ReportReadiness.MunicipalityReadiness> stateRows = new ArrayList<>();
        stateRows.add(new ReportReadiness.MunicipalityReadiness(null, readiness.members(), t));
        stateRows.addAll(readiness.municipalities());
        states.setItems(stateRows);
        Grids.fitRows(states, stateRows.size());
        add(new H3(getTranslation("readiness.statesTitle")), states);

        // each 2号 item: municipalities × its choices, among the members that will report 2号
        add(new H3(getTranslation("readiness.itemsTitle")), hint(getTranslation("readiness.itemsHint")));
        if (readiness.items().isEmpty()) {
            add(new Paragraph(getTranslation("readiness.noItems")));
        }
        ReportFunction shown = null;
        for (ReportReadiness.ItemDistribution d : readiness.items()) {
            if (d.function() != shown) {
                shown = d.function();
                add(new H3(functionName(shown)));
            }
            ReportItem item = edition.item(d.itemCode()).orElse(null);
            String wording = item == null ? d.itemCode() : item.wording(locale);
            H4 heading = new H4(d.itemNo() == null ? wording : getTranslation("readiness.item", d.itemNo(), wording));
            heading.addClassName("readiness-item");
            add(heading);
            if (item != null && item.gmis() == GmisPrefill.NDB) {
                add(hint(getTranslation("readiness.ndbHint")));
            }
            Grid<ReportReadiness.Row> g = grid();
            g.addColumn(r -> r.municipality() == null ? getTranslation("readiness.total") : r.municipality())
                    .setHeader(getTranslation("facility.municipality")).setWidth("8rem").setFlexGrow(0).setFrozen(true);
            g.addColumn(r -> r.base().display()).setHeader(getTranslation("readiness.col.base")).setWidth("5.5rem").setFlexGrow(0);
            for (String category : d.categories()) {
                g.addColumn(r -> r.counts().get(category).display()).setHeader(categoryLabel(item, category, locale))
                        .setWidth("7rem").setFlexGrow(1);
            }
            List<ReportReadiness.Row> rows = new ArrayList<>();
            rows.add(d.total());
            rows.addAll(d.municipalities());
            g.setItems(rows);
            Grids.fitRows(g, rows.size());
            g.getElement().setAttribute("data-item", d.itemCode());
            itemGrids.add(g);
            add(g);
        }

        // consenting members only, and only their state
        members = new Grid<>();
        members.addColumn(ReportReadiness.MemberRow::name).setHeader(getTranslation("facility.name")).setFlexGrow(2);
        members.addColumn(ReportReadiness.MemberRow::municipality).setHeader(getTranslation("facility.municipality"));
        members.addColumn(m -> getTranslation("readiness.status." + m.status().name())).setHeader(getTranslation("assessment.col.status"));
        members.addColumn(m -> m.no1Met() == null ? "" : getTranslation(m.no1Met() ? "readiness.no1.yes" : "readiness.no1.no"))
                .setHeader(getTranslation("readiness.col.no1"));
        members.addThemeVariants(GridVariant.LUMO_COMPACT);
        members.setItems(readiness.identifiedMembers());
        Grids.fitRows(members, readiness.identifiedMembers().size());
        add(new H3(getTranslation("readiness.membersTitle")), hint(getTranslation("readiness.membersHint")), members);
    }

    private <T> Grid<T> grid() {
        Grid<T> g = new Grid<>();
        // the report's choices are long (「有り(月10回以上)」): headers wrap instead of cutting the number off
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addClassName("readiness-grid");
        return g;
    }

    String categoryLabel(ReportItem item, String category, Locale locale) {
        if (item != null && item.type() == ItemAnswerType.SINGLE_CHOICE && !category.equals(ReportReadiness.NO_ANSWER)) {
            int code = Integer.parseInt(category);
            return item.choice(code).map(c -> code + ": " + (locale.getLanguage().equals("en") && c.labelEn() != null ? c.labelEn() : c.labelJa()))
                    .orElse(category);
        }
        return getTranslation("readiness.category." + category);
    }

    private String functionName(ReportFunction function) {
        return getTranslation("readiness.function." + function.name());
    }

    private Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }

    private Span badge(String text) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge");
        return s;
    }

    @Override
    public String getPageTitle() {
        return (readiness == null ? "" : getTranslation("readiness.pageTitle", readiness.associationName())) + " | "
                + getTranslation("app.title");
    }
}
