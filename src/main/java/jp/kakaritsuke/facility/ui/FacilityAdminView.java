package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.Grids;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityService;

/** Administrators register facilities; members are then invited from the facility's page. */
@Route("admin/facilities")
@RolesAllowed("ADMIN")
class FacilityAdminView extends VerticalLayout implements HasDynamicTitle {

    private final FacilityService facilities;
    final Grid<FacilityProfile> grid = new Grid<>();
    final FacilityForm form = new FacilityForm();
    final Button create = new Button();

    FacilityAdminView(FacilityService facilities) {
        this.facilities = facilities;
        setMaxWidth("72rem");
        grid.addColumn(FacilityProfile::name).setHeader(getTranslation("facility.name")).setFlexGrow(2);
        grid.addColumn(f -> getTranslation("facilityType." + f.type().name())).setHeader(getTranslation("facility.type"));
        grid.addColumn(FacilityProfile::prefecture).setHeader(getTranslation("facility.prefecture"));
        grid.addColumn(FacilityProfile::municipality).setHeader(getTranslation("facility.municipality"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FacilityMembersView.class, e.getItem().id())));

        create.setText(getTranslation("facility.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        form.setProfile(null);
        add(new H2(getTranslation("facility.admin.title")), grid, new H3(getTranslation("facility.create")), form, create);
        refresh();
    }

    void create() {
        if (!form.validateAndShow()) {
            return;
        }
        try {
            FacilityProfile created = facilities.create(form.getProfile());
            Notification.show(getTranslation("facility.created", created.name())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            form.setProfile(null);
            refresh();
        } catch (InvalidInputException e) {
            form.show(e.messageKeys());
        }
    }

    private void refresh() {
        var all = facilities.visibleFacilities();
        grid.setItems(all);
        Grids.fitRows(grid, all.size());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("facility.admin.title") + " | " + getTranslation("app.title");
    }
}
