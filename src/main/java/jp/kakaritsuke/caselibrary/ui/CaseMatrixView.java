package jp.kakaritsuke.caselibrary.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import jp.kakaritsuke.caselibrary.domain.CaseCategory;
import jp.kakaritsuke.caselibrary.domain.CaseFilter;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseStudy;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.RoleGroup;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;

/**
 * 事例マトリクス: the seed's table as a grid. Cases are rows, the 14 roles columns with ● (○ for our derived tags
 * on reference cases), with the seed's grouped headers 医療機関連携 and 保健. A click opens the case.
 */
@Route("")
@PermitAll
class CaseMatrixView extends VerticalLayout implements HasDynamicTitle {

    static final String MARK = "●";
    static final String DERIVED_MARK = "○";

    private final CaseLibrary library;
    final Grid<CaseStudy> grid = new Grid<>();
    final ComboBox<CaseCategory> category = new ComboBox<>();
    final ComboBox<String> prefecture = new ComboBox<>();
    final ComboBox<Role> role = new ComboBox<>();
    final Checkbox includeReference = new Checkbox();
    private final Span count = new Span();

    CaseMatrixView(CaseLibraryService service) {
        this.library = service.library();
        Locale locale = getLocale();
        setWidthFull();
        addClassName("case-matrix-view");

        category.setLabel(getTranslation("matrix.filter.category"));
        category.setItems(CaseCategory.values());
        category.setItemLabelGenerator(c -> CaseLabels.category(getLocale(), c));
        category.setClearButtonVisible(true);
        prefecture.setLabel(getTranslation("matrix.filter.prefecture"));
        prefecture.setItems(library.casePrefectures());
        prefecture.setClearButtonVisible(true);
        role.setLabel(getTranslation("matrix.filter.role"));
        role.setItems(library.roles());
        role.setItemLabelGenerator(r -> r.name(locale));
        role.setClearButtonVisible(true);
        includeReference.setLabel(getTranslation("matrix.filter.includeReference"));
        category.addValueChangeListener(e -> refresh());
        prefecture.addValueChangeListener(e -> refresh());
        role.addValueChangeListener(e -> refresh());
        includeReference.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(category, prefecture, role, includeReference, count);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        buildGrid(locale);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CaseDetailView.class, e.getItem().number())));

        Paragraph legend = new Paragraph(getTranslation("matrix.legend", MARK, DERIVED_MARK));
        legend.addClassName("hint");
        add(new H2(getTranslation("matrix.title")), new Paragraph(getTranslation("matrix.intro")), filters, grid, legend);
        refresh();
    }

    private void buildGrid(Locale locale) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        // 19 rows (25 with reference cases): show them all, as the seed's table does, and let the page scroll.
        grid.setAllRowsVisible(true);
        // Widths in rem, not em: vaadin-grid applies the width to each cell, and header cells have a smaller font,
        // so em widths put the header and the body out of line.
        grid.addColumn(c -> CaseLabels.category(getLocale(), c.category())).setHeader(getTranslation("matrix.col.category"))
                .setWidth("6.8rem").setFlexGrow(0);
        grid.addColumn(CaseStudy::number).setHeader(getTranslation("matrix.col.number")).setWidth("3rem").setFlexGrow(0);
        grid.addColumn(CaseStudy::name).setHeader(getTranslation("matrix.col.name")).setWidth("13rem").setFlexGrow(1).setFrozen(true)
                .setTooltipGenerator(CaseStudy::name);
        grid.addColumn(CaseStudy::prefecture).setHeader(getTranslation("matrix.col.prefecture")).setWidth("5.5rem").setFlexGrow(0);

        Map<String, List<Grid.Column<CaseStudy>>> columnsByGroup = new java.util.LinkedHashMap<>();
        List<Grid.Column<CaseStudy>> roleColumns = new ArrayList<>();
        for (Role r : library.roles()) {
            Grid.Column<CaseStudy> column = grid.addColumn(c -> mark(c, r.code()))
                    .setHeader(roleHeader(r.name(locale)))
                    .setKey(r.code().name())
                    .setTextAlign(ColumnTextAlign.CENTER)
                    .setWidth("4.6rem").setFlexGrow(0);
            column.setPartNameGenerator(c -> c.hasRole(r.code()) ? "role-marked" : null);
            roleColumns.add(column);
            if (r.groupCode() != null) {
                columnsByGroup.computeIfAbsent(r.groupCode(), k -> new ArrayList<>()).add(column);
            }
        }
        // The seed's grouped header row: 医療機関連携 over 診診/病診/病病, 保健 over 母子/学校/産業.
        HeaderRow groups = grid.prependHeaderRow();
        Map<String, RoleGroup> groupByCode = library.roleGroups().stream()
                .collect(Collectors.toMap(RoleGroup::code, g -> g));
        columnsByGroup.forEach((code, columns) -> groups.join(columns.toArray(Grid.Column[]::new))
                .setText(groupByCode.get(code).name(locale)));
        // A header cell without text is read as an empty column header: the cells of the group row above columns
        // outside a group repeat their column's name for screen readers only (issue 11, axe empty-table-header).
        for (Grid.Column<CaseStudy> column : grid.getColumns()) {
            if (columnsByGroup.values().stream().noneMatch(cs -> cs.contains(column))) {
                Span name = new Span(columnName(column, locale));
                name.addClassName("layout-visually-hidden");
                groups.getCell(column).setComponent(name);
            }
        }
        grid.setColumnReorderingAllowed(false);
    }

    private String columnName(Grid.Column<CaseStudy> column, Locale locale) {
        return library.roles().stream().filter(r -> r.code().name().equals(column.getKey())).findFirst()
                .map(r -> r.name(locale)).orElseGet(() -> column.getHeaderText());
    }

    /** Role names wrap in the header instead of being cut off (介護・福祉との連携 is long). */
    private static Span roleHeader(String name) {
        Span header = new Span(name);
        header.addClassName("role-header");
        header.getElement().setAttribute("title", name);
        return header;
    }

    private static String mark(CaseStudy c, RoleCode roleCode) {
        return c.roleMarks().stream().filter(m -> m.roleCode() == roleCode).findFirst()
                .map(m -> m.derived() ? DERIVED_MARK : MARK).orElse("");
    }

    void refresh() {
        CaseFilter filter = new CaseFilter(category.getValue(), prefecture.getValue(),
                role.getValue() == null ? null : role.getValue().code(),
                includeReference.getValue() || category.getValue() == CaseCategory.REFERENCE);
        List<CaseStudy> rows = library.findCases(filter);
        grid.setItems(rows);
        count.setText(getTranslation("matrix.count", rows.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("matrix.title") + " | " + getTranslation("app.title");
    }
}
