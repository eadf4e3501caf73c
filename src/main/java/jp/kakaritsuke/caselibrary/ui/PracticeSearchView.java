package jp.kakaritsuke.caselibrary.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.Practice;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;

/** Search all 79 practices by role and keyword; a row opens the practice's full text. */
@Route("practices")
@PermitAll
class PracticeSearchView extends VerticalLayout implements HasDynamicTitle {

    private final CaseLibrary library;
    final TextField keyword = new TextField();
    final ComboBox<Role> role = new ComboBox<>();
    final Grid<Practice> grid = new Grid<>();
    private final Span count = new Span();

    PracticeSearchView(CaseLibraryService service) {
        this.library = service.library();
        Locale locale = getLocale();
        setSizeFull();

        keyword.setLabel(getTranslation("practices.keyword"));
        keyword.setPlaceholder(getTranslation("practices.keyword.placeholder"));
        keyword.setPrefixComponent(VaadinIcon.SEARCH.create());
        keyword.setClearButtonVisible(true);
        keyword.setValueChangeMode(ValueChangeMode.LAZY);
        keyword.setMaxLength(100);
        role.setLabel(getTranslation("practices.role"));
        role.setItems(library.roles());
        role.setItemLabelGenerator(r -> r.name(locale));
        role.setClearButtonVisible(true);
        keyword.addValueChangeListener(e -> refresh());
        role.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(keyword, role, count);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(p -> CaseLabels.source(getLocale(), p.source())).setHeader(getTranslation("practices.col.source"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> library.caseStudy(p.caseNumber()).map(c -> c.name()).orElse(""))
                .setHeader(getTranslation("practices.col.case")).setWidth("14rem").setFlexGrow(1);
        grid.addColumn(Practice::title).setHeader(getTranslation("practices.col.title")).setWidth("22rem").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(p -> new RoleChips(library, p.roleCodes(), p.rolesDerived(), locale,
                getTranslation("derived.tooltip")))).setHeader(getTranslation("practices.col.roles")).setWidth("14rem");
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);

        Paragraph hint = new Paragraph(getTranslation("practices.hint"));
        hint.addClassName("hint");
        add(new H2(getTranslation("practices.title")), hint, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Div details(Practice p) {
        Div div = new Div();
        div.addClassName("practice-details");
        for (String paragraph : p.body().split("\n\n")) {
            div.add(new Paragraph(paragraph));
        }
        div.add(new Anchor(CaseDetailView.location(p.caseNumber()) + "#practice-" + p.number(),
                getTranslation("practices.openCase", CaseLabels.source(getLocale(), p.source()))));
        return div;
    }

    void refresh() {
        List<Practice> found = library.searchPractices(role.getValue() == null ? null : role.getValue().code(),
                keyword.getValue());
        grid.setItems(found);
        count.setText(getTranslation("practices.count", found.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("practices.title") + " | " + getTranslation("app.title");
    }
}
