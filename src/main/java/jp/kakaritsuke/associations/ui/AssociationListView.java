package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.service.RollupService;

/** The associations the user may see (their own and those below it); a click opens the rollup. */
@Route("associations")
@PermitAll
class AssociationListView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Association> grid = new Grid<>();

    AssociationListView(RollupService rollups) {
        setMaxWidth("72rem");
        grid.addColumn(a -> getTranslation("associationLevel." + a.level().name())).setHeader(getTranslation("association.level"));
        grid.addColumn(Association::prefecture).setHeader(getTranslation("facility.prefecture"));
        grid.addColumn(Association::name).setHeader(getTranslation("association.name")).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        var visible = rollups.visibleAssociations();
        grid.setItems(visible);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AssociationRollupView.class, e.getItem().id())));
        add(new H2(getTranslation("association.title")));
        if (visible.isEmpty()) {
            add(new Paragraph(getTranslation("association.none")));
        } else {
            add(grid);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("association.title") + " | " + getTranslation("app.title");
    }
}
