package jp.kakaritsuke.actionplan.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionInput;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.Role;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.caselibrary.service.CaseLabels;
import jp.kakaritsuke.base.ui.extension.ActionPlanExtension.PracticeToPlan;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Adds an action to a facility's plan, or changes one: role, what, who, due date, status, and the published practice
 * it follows (shown, not typed). Refusals come from the service's one rule and are shown on their fields; the typed
 * text stays, and the dialog says 「保存されていません」 until a save succeeds.
 */
// never a page (not registered): its own chunk of the production bundle, loaded where it is shown (base.ui.extension)
@Route(value = "chunk/action-dialog", registerAtStartup = false)
public class ActionDialog extends Dialog {

    final Select<RoleCode> role = new Select<>();
    final TextArea what = new TextArea();
    final TextField who = new TextField();
    final DatePicker due = new DatePicker();
    final Select<ActionStatus> status = new Select<>();
    final Span saveStatus = new Span();
    final Button save = new Button();

    private final ActionPlanService plans;
    private final long facilityId;
    private final SourceReference practice;
    private final Long roundId;
    private final ActionItem existing;
    private final Runnable onSaved;

    ActionDialog(ActionPlanService plans, CaseLibrary library, long facilityId, RoleCode roleCode, SourceReference practice,
                 String practiceTitle, Long roundId, ActionItem existing, Runnable onSaved) {
        this.plans = plans;
        this.facilityId = facilityId;
        this.practice = existing != null ? existing.getPractice() : practice;
        this.roundId = roundId;
        this.existing = existing;
        this.onSaved = onSaved == null ? () -> { } : onSaved;
        addClassName("action-dialog");
        setHeaderTitle(getTranslation(existing == null ? "actions.dialog.addTitle" : "actions.dialog.editTitle"));

        role.setLabel(getTranslation("actions.field.role"));
        role.setItems(library.roles().stream().map(Role::code).toList());
        role.setItemLabelGenerator(code -> library.roleName(code, getLocale()));
        role.setWidthFull();
        role.addClassName("action-role");
        what.setLabel(getTranslation("actions.field.what"));
        what.setMaxLength(ActionItem.MAX_WHAT);
        what.setRequiredIndicatorVisible(true);
        what.setWidthFull();
        what.addClassName("action-what-field");
        what.setMinHeight("6em");
        who.setLabel(getTranslation("actions.field.who"));
        who.setMaxLength(ActionItem.MAX_WHO);
        who.setWidthFull();
        who.addClassName("action-who-field");
        due.setLabel(getTranslation("actions.field.due"));
        due.setLocale(getLocale());
        due.addClassName("action-due-field");
        status.setLabel(getTranslation("actions.field.status"));
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("actions.status." + s.name()));

        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.setSpacing(false);
        form.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
        if (this.practice != null) {
            Paragraph source = new Paragraph(getTranslation("actions.field.practice") + ": " + CaseLabels.source(getLocale(), this.practice)
                    + (practiceTitle == null ? "" : " " + practiceTitle));
            source.addClassName("source-ref");
            form.add(source);
        }
        form.add(role, what, who, due, status);
        add(form);

        if (existing != null) {
            role.setValue(existing.getRoleCode());
            what.setValue(existing.getWhat());
            who.setValue(existing.getWho() == null ? "" : existing.getWho());
            due.setValue(existing.getDueDate());
            status.setValue(existing.getStatus());
        } else {
            role.setValue(roleCode);
            what.setValue(practiceTitle == null ? "" : practiceTitle);
            status.setValue(ActionStatus.PLANNED);
        }

        saveStatus.addClassName("action-save-status");
        save.setText(getTranslation("actions.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("action-save");
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("actions.cancel"), e -> close());
        getFooter().add(saveStatus, cancel, save);
        setWidth("min(36rem, 100vw)");
    }

    /** The dialog for a new action from a role or a recommended practice ({@code practice} null: from a role). */
    public static ActionDialog open(long facilityId, RoleCode roleCode, SourceReference practice, Runnable onSaved) {
        ActionDialog dialog = new ActionDialog(bean(ActionPlanService.class), bean(CaseLibraryService.class).library(),
                facilityId, roleCode, practice, null, null, null, onSaved);
        dialog.open();
        return dialog;
    }

    /** The dialog to change an existing action. */
    public static ActionDialog edit(ActionItem item, Runnable onSaved) {
        ActionDialog dialog = new ActionDialog(bean(ActionPlanService.class), bean(CaseLibraryService.class).library(),
                item.getFacilityId(), item.getRoleCode(), item.getPractice(), null, item.getRoundId(), item, onSaved);
        dialog.open();
        return dialog;
    }

    /**
     * The 「行動計画に追加」 target of the recommendations on a page: opens the dialog for the practice, with its title as
     * a first draft of what to do, remembering the round the recommendation came from. Only for editors of the facility
     * (the page gets null otherwise: {@link ActionPlanService#canEdit}).
     */
    static Consumer<PracticeToPlan> fromRecommendation(long facilityId, Long roundId, Runnable onSaved) {
        return p -> {
            ActionDialog dialog = new ActionDialog(bean(ActionPlanService.class), bean(CaseLibraryService.class).library(),
                    facilityId, RoleCode.of(p.roleCode()), new SourceReference(p.caseNumber(), p.practiceNumber()), p.title(), roundId, null, onSaved);
            dialog.open();
        };
    }

    void save() {
        ActionInput input = new ActionInput(role.getValue(), practice, roundId, what.getValue(), who.getValue(),
                due.getValue(), status.getValue());
        clearErrors();
        try {
            if (existing == null) {
                plans.add(facilityId, input);
            } else {
                plans.update(existing.getId(), existing.getVersion(), input);
            }
        } catch (FieldErrors e) {
            Map<String, HasValidation> fields = Map.of("roleCode", role, "what", what, "who", who, "dueDate", due, "status", status);
            for (FieldErrors.FieldError p : e.errors()) {
                HasValidation field = fields.get(p.field());
                if (field != null) {
                    field.setInvalid(true);
                    field.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                } else {
                    Notification.show(getTranslation(p.messageKey(), p.args().toArray())).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
            notSaved();
            return;
        } catch (ConflictException | OptimisticLockingFailureException e) {
            Notification.show(getTranslation("actions.conflict")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            notSaved();
            close();
            onSaved.run(); // shows the latest version in the plan
            return;
        }
        Notification.show(getTranslation("actions.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        close();
        onSaved.run();
    }

    private void notSaved() {
        saveStatus.setText(getTranslation("actions.notSaved"));
        saveStatus.addClassName("action-save-error");
    }

    private void clearErrors() {
        for (HasValidation f : List.<HasValidation>of(role, what, who, due, status)) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        saveStatus.setText("");
        saveStatus.removeClassName("action-save-error");
    }

    /** A Spring bean through Vaadin's instantiator, so that pages can place the components with a plain {@code new}. */
    static <T> T bean(Class<T> type) {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(type);
    }

}
