package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.FacilityService.FacilityListItem;

/**
 * 施設管理: where an administrator lands. Every facility, searched by name, prefecture or municipality and read page
 * by page from the database; a click opens the facility's people. Registration happens in a dialog; after a success
 * the form is empty again, with nothing marked.
 */
@Route("admin/facilities")
@RolesAllowed("ADMIN")
class FacilityAdminView extends VerticalLayout implements HasDynamicTitle {

    private final FacilityService facilities;
    final TextField search = new TextField();
    final Span total = new Span();
    final Grid<FacilityListItem> grid = new Grid<>();
    final Button register = new Button();
    final Dialog registration = new Dialog();
    final FacilityForm form = new FacilityForm();
    final Button create = new Button();

    FacilityAdminView(FacilityService facilities) {
        this.facilities = facilities;
        setMaxWidth("72rem");
        setHeightFull();

        search.setLabel(getTranslation("facilityAdmin.search"));
        search.setPlaceholder(getTranslation("facilityAdmin.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setWidth("24rem");
        search.setMaxWidth("100%");
        register.setText(getTranslation("facility.create"));
        register.setIcon(VaadinIcon.PLUS.create());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(e -> openRegistration());
        total.addClassName("facility-total");
        total.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout bar = new HorizontalLayout(search, total, register);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(total);
        // on a phone the button goes below the search instead of past the screen's edge
        bar.setWrap(true);

        grid.addColumn(FacilityListItem::name).setHeader(getTranslation("facility.name")).setFlexGrow(3);
        grid.addColumn(f -> getTranslation("facilityType." + f.type().name())).setHeader(getTranslation("facility.type"));
        grid.addColumn(FacilityListItem::prefecture).setHeader(getTranslation("facility.prefecture"));
        grid.addColumn(FacilityListItem::municipality).setHeader(getTranslation("facility.municipality"));
        grid.addColumn(FacilityListItem::editors).setHeader(getTranslation("facilityAdmin.editors")).setFlexGrow(0).setWidth("7rem");
        grid.addColumn(FacilityListItem::viewers).setHeader(getTranslation("facilityAdmin.viewers")).setFlexGrow(0).setWidth("7rem");
        grid.setEmptyStateText(getTranslation("facilityAdmin.none"));
        grid.setPageSize(50);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FacilityMembersView.class, e.getItem().id())));
        grid.setMinHeight("20rem");
        // lazy: the grid asks the service for the rows it shows, the database answers with just those
        grid.setItems(q -> facilities.search(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> facilities.count(search.getValue()));

        registration.setHeaderTitle(getTranslation("facility.create"));
        registration.add(form);
        registration.setWidth("min(56rem, 95vw)");
        create.setText(getTranslation("facilityAdmin.register"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        Button cancel = new Button(getTranslation("common.cancel"), e -> registration.close());
        registration.getFooter().add(cancel, create);

        add(new H2(getTranslation("facility.admin.title")), bar, grid, registration);
        setFlexGrow(1, grid);
        refresh();
    }

    void openRegistration() {
        form.reset();
        registration.open();
    }

    void create() {
        if (!form.validateAndShow()) {
            return;
        }
        try {
            FacilityProfile created = facilities.create(form.getProfile());
            registration.close();
            form.reset();
            refresh();
            // the next step is inviting its people: offered right here
            Button open = new Button(getTranslation("facilityAdmin.openCreated"));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Notification done = new Notification(new Span(getTranslation("facility.created", created.name())), open);
            open.addClickListener(e -> {
                done.close();
                getUI().ifPresent(ui -> ui.navigate(FacilityMembersView.class, created.id()));
            });
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            done.setDuration(8000);
            done.open();
        } catch (InvalidInputException e) {
            form.show(e.messageKeys());
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(getTranslation("facilityAdmin.total", facilities.count(search.getValue())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("facility.admin.title") + " | " + getTranslation("app.title");
    }
}
