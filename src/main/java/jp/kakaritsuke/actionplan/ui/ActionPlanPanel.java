package jp.kakaritsuke.actionplan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A facility's action plan as a list of cards (what, role, who, due date, status, the practice it follows), which
 * reads the same on a phone and on a desk. Editors add, change, set the status and delete; viewers read. Shows nothing
 * to anyone who may not read the plan (a consenting association reading the result page), so pages can place it
 * without asking first.
 */
// never a page (not registered): its own chunk of the production bundle, loaded where it is shown (base.ui.extension)
@Route(value = "chunk/action-plan-panel", registerAtStartup = false)
public class ActionPlanPanel extends Div {

    final List<ActionItem> items = new ArrayList<>();
    final UnorderedList list = new UnorderedList();
    Button add;

    private final ActionPlanService plans;
    private final CaseLibrary library;
    private final long facilityId;
    private final boolean editor;

    ActionPlanPanel(ActionPlanService plans, CaseLibrary library, long facilityId) {
        this.plans = plans;
        this.library = library;
        this.facilityId = facilityId;
        addClassName("action-plan");
        if (!plans.canRead(facilityId)) {
            setVisible(false);
            this.editor = false;
            return;
        }
        this.editor = plans.canEdit(facilityId);
        add(new H3(getTranslation("actions.title")));
        Paragraph intro = new Paragraph(getTranslation(editor ? "actions.intro" : "actions.readOnly"));
        intro.addClassName("hint");
        add(intro);
        if (editor) {
            add = new Button(getTranslation("actions.add"), e -> ActionDialog.open(facilityId, null, null, this::refresh));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.addClassName("action-add");
            add(add);
        }
        list.addClassName("action-list");
        add(list);
        refresh();
    }

    /** Reads the plan again (after a change here, in a dialog or in the follow-up of a round). */
    public void refresh() {
        if (!isVisible()) {
            return;
        }
        items.clear();
        items.addAll(plans.plan(facilityId));
        list.removeAll();
        if (items.isEmpty()) {
            ListItem empty = new ListItem(getTranslation("actions.empty"));
            empty.addClassName("action-empty");
            list.add(empty);
        }
        items.forEach(i -> list.add(card(i)));
    }

    private ListItem card(ActionItem item) {
        ListItem card = new ListItem();
        card.addClassNames("action-card", "action-" + item.getStatus().name().toLowerCase(java.util.Locale.ROOT));
        Span what = new Span(item.getWhat());
        what.addClassName("action-what");
        Span badge = new Span(getTranslation("actions.status." + item.getStatus().name()));
        badge.getElement().getThemeList().add("badge" + switch (item.getStatus()) {
            case DONE -> " success";
            case DROPPED -> " contrast";
            case IN_PROGRESS -> "";
            case PLANNED -> " contrast pill";
        });
        badge.addClassName("action-status");
        Div head = new Div(badge, what);
        head.addClassName("action-head");

        List<String> meta = new ArrayList<>();
        meta.add(getTranslation("actions.col.role") + ": " + library.roleName(item.getRoleCode(), getLocale()));
        meta.add(getTranslation("actions.col.who") + ": " + (item.getWho() == null ? getTranslation("actions.noWho") : item.getWho()));
        meta.add(getTranslation("actions.col.due") + ": " + (item.getDueDate() == null ? getTranslation("actions.noDue")
                : item.getDueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()))));
        if (item.getPractice() != null) {
            meta.add(getTranslation("actions.col.practice") + ": " + CaseLabels.source(getLocale(), item.getPractice()));
        }
        Div details = new Div();
        details.addClassName("action-meta");
        meta.forEach(m -> details.add(new Span(m)));
        card.add(head, details);

        if (editor) {
            Select<ActionStatus> status = new Select<>();
            status.setItems(ActionStatus.values());
            status.setItemLabelGenerator(s -> getTranslation("actions.status." + s.name()));
            status.setValue(item.getStatus());
            // a visible short label: an aria-label becomes a hidden label as wide as the action's text, past a phone's edge
            status.setLabel(getTranslation("actions.field.status"));
            status.addClassName("action-status-select");
            status.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    change(() -> plans.setStatus(item.getId(), item.getVersion(), e.getValue()));
                }
            });
            Button edit = new Button(getTranslation("actions.edit"), e -> ActionDialog.edit(item, this::refresh));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setAriaLabel(getTranslation("actions.editNamed", item.getWhat()));
            edit.addClassName("action-edit");
            Button delete = new Button(getTranslation("actions.delete"), e -> confirmDelete(item));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(getTranslation("actions.deleteNamed", item.getWhat()));
            delete.addClassName("action-delete");
            Div buttons = new Div(status, edit, delete);
            buttons.addClassName("action-buttons");
            card.add(buttons);
        }
        return card;
    }

    private void confirmDelete(ActionItem item) {
        Dialog confirm = new Dialog();
        confirm.addClassName("action-delete-confirm");
        confirm.setHeaderTitle(getTranslation("actions.deleteConfirm"));
        confirm.add(new Paragraph(item.getWhat()));
        Button yes = new Button(getTranslation("actions.delete"), e -> {
            confirm.close();
            change(() -> {
                plans.delete(item.getId(), item.getVersion());
                Notification.show(getTranslation("actions.deleted"));
                return null;
            });
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button(getTranslation("actions.cancel"), e -> confirm.close()), yes);
        confirm.open();
    }

    /** Runs a change; a conflict says so and shows the latest plan instead of overwriting someone else's change. */
    private void change(java.util.function.Supplier<?> change) {
        try {
            change.get();
        } catch (ConflictException | OptimisticLockingFailureException e) {
            Notification.show(getTranslation("actions.conflict")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
