package jp.kakaritsuke.associations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.Grids;
import jp.kakaritsuke.facility.domain.Prefectures;

/**
 * The associations the user may see (their own and those below it), each linking to its rollup and its staff; and,
 * for those who may, adding an association (administrators anywhere, association staff below their own).
 */
@Route("associations")
@PermitAll
class AssociationListView extends VerticalLayout implements HasDynamicTitle {

    private final RollupService rollups;
    private final AssociationAdminService admin;
    final Grid<Association> grid = new Grid<>();
    private final Paragraph none = new Paragraph();
    final Details create = new Details();
    final TextField name = new TextField();
    final ComboBox<Association> parent = new ComboBox<>();
    final Select<AssociationLevel> level = new Select<>();
    final ComboBox<String> prefecture = new ComboBox<>();
    final Button add = new Button();
    private final java.util.Map<Long, String> parentNames = new java.util.HashMap<>();

    AssociationListView(RollupService rollups, AssociationAdminService admin) {
        this.rollups = rollups;
        this.admin = admin;
        setMaxWidth("72rem");
        grid.addColumn(a -> getTranslation("associationLevel." + a.level().name())).setHeader(getTranslation("association.level"));
        grid.addColumn(Association::prefecture).setHeader(getTranslation("facility.prefecture"));
        grid.addComponentColumn(a -> new RouterLink(a.name(), AssociationRollupView.class, a.id()))
                .setHeader(getTranslation("association.name")).setFlexGrow(2);
        grid.addComponentColumn(a -> new RouterLink(getTranslation("association.staffLink"), AssociationStaffView.class, a.id()))
                .setHeader(getTranslation("associationStaff.administrators"));
        // issue 13: where each sits (it can be moved on its page); a parent the user does not see stays unnamed
        grid.addColumn(a -> a.parentId() == null ? "" : parentNames.getOrDefault(a.parentId(), ""))
                .setHeader(getTranslation("association.parent"));
        add(new H2(getTranslation("association.title")));
        var visible = rollups.visibleAssociations();
        remember(visible);
        if (visible.isEmpty()) {
            none.setText(getTranslation("association.none"));
            add(none);
        } else {
            grid.setItems(visible);
            Grids.fitRows(grid, visible.size());
            add(grid);
            // their associations' audit log (a path, not the view class: associations does not depend on audit)
            add(new com.vaadin.flow.component.html.Anchor("audit", getTranslation("nav.audit")));
        }
        createForm(admin.createOptions());
    }

    private void createForm(AssociationAdminService.CreateOptions options) {
        if (!options.topLevel() && options.parents().isEmpty()) {
            return;
        }
        name.setLabel(getTranslation("association.name"));
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        parent.setLabel(getTranslation("association.parent"));
        parent.setItems(options.parents());
        parent.setItemLabelGenerator(Association::name);
        parent.setClearButtonVisible(options.topLevel());
        parent.setHelperText(getTranslation(options.topLevel() ? "association.parent.helpAdmin" : "association.parent.help"));
        level.setLabel(getTranslation("association.level"));
        level.setItems(options.topLevel() ? List.of(AssociationLevel.values())
                : List.of(AssociationLevel.PREFECTURAL, AssociationLevel.MUNICIPAL));
        level.setItemLabelGenerator(l -> getTranslation("associationLevel." + l.name()));
        prefecture.setLabel(getTranslation("facility.prefecture"));
        prefecture.setItems(Prefectures.ALL);
        // the usual case: the level below the parent, in the parent's prefecture
        parent.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                level.setValue(e.getValue().level() == AssociationLevel.NATIONAL ? AssociationLevel.PREFECTURAL : AssociationLevel.MUNICIPAL);
                if (e.getValue().level() == AssociationLevel.PREFECTURAL) {
                    prefecture.setValue(e.getValue().prefecture());
                }
            }
        });
        if (!options.parents().isEmpty()) {
            parent.setValue(options.parents().getFirst());
        }
        add.setText(getTranslation("association.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setDisableOnClick(true);
        add.addClickListener(e -> create());
        FormLayout form = new FormLayout(name, parent, level, prefecture, add);
        create.setSummaryText(getTranslation("association.create"));
        create.add(form);
        add(create);
    }

    void create() {
        name.setInvalid(false);
        prefecture.setInvalid(false);
        parent.setInvalid(false);
        level.setInvalid(false);
        try {
            Association p = parent.getValue();
            admin.create(name.getValue(), level.getValue(), prefecture.getValue(), p == null ? null : p.id());
            Notification.show(getTranslation("association.created", name.getValue().strip()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            name.clear();
            name.setInvalid(false); // the required field would flag its own clearing
            var visible = rollups.visibleAssociations();
            remember(visible);
            grid.setItems(visible);
            Grids.fitRows(grid, visible.size());
            if (grid.getParent().isEmpty()) { // the first association this user sees
                remove(none);
                addComponentAtIndex(1, grid);
            }
        } catch (InvalidInputException e) {
            for (String key : e.messageKeys()) {
                String message = getTranslation(key);
                switch (key) {
                    case "association.error.name", "association.error.nameFormula", "association.error.nameInvisible" -> { name.setInvalid(true); name.setErrorMessage(message); }
                    case "association.error.prefecture" -> { prefecture.setInvalid(true); prefecture.setErrorMessage(message); }
                    case "association.error.level" -> { level.setInvalid(true); level.setErrorMessage(message); }
                    default -> { parent.setInvalid(true); parent.setErrorMessage(message); }
                }
            }
        } finally {
            add.setEnabled(true);
        }
    }

    private void remember(List<Association> visible) {
        parentNames.clear();
        visible.forEach(a -> parentNames.put(a.id(), a.name()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("association.title") + " | " + getTranslation("app.title");
    }
}
