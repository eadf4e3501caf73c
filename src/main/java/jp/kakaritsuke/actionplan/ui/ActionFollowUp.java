package jp.kakaritsuke.actionplan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.actionplan.domain.ActionItem;
import jp.kakaritsuke.actionplan.domain.ActionStatus;
import jp.kakaritsuke.actionplan.service.ActionPlanService;
import jp.kakaritsuke.base.ConflictException;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * For the review step of a reassessment: the actions still open from last time, each with 「完了」「継続」「中止」
 * (継続 = in progress). An answered action stays listed with its answer marked, so a slip can be corrected; only
 * editors get the buttons. Hidden for anyone who may not read the plan, and when nothing is open.
 */
// never a page (not registered): its own chunk of the production bundle, loaded where it is shown (base.ui.extension)
@Route(value = "chunk/action-follow-up", registerAtStartup = false)
public class ActionFollowUp extends Div {

    final List<ActionItem> items = new ArrayList<>();
    final UnorderedList list = new UnorderedList();

    private final ActionPlanService plans;
    private final CaseLibrary library;
    private final boolean editor;

    ActionFollowUp(ActionPlanService plans, CaseLibrary library, long facilityId) {
        this.plans = plans;
        this.library = library;
        addClassName("action-follow-up");
        if (!plans.canRead(facilityId)) {
            setVisible(false);
            editor = false;
            return;
        }
        editor = plans.canEdit(facilityId);
        items.addAll(plans.openActions(facilityId));
        setVisible(!items.isEmpty());
        Paragraph intro = new Paragraph(getTranslation("actions.followUp.intro"));
        intro.addClassName("hint");
        list.addClassName("action-list");
        add(new H3(getTranslation("actions.followUp.title")), intro, list);
        render();
    }

    private void render() {
        list.removeAll();
        for (int index = 0; index < items.size(); index++) {
            list.add(card(index));
        }
    }

    private ListItem card(int index) {
        ActionItem item = items.get(index);
        ListItem card = new ListItem();
        card.addClassName("action-card");
        Span what = new Span(item.getWhat());
        what.addClassName("action-what");
        Span role = new Span(library.roleName(item.getRoleCode(), getLocale())
                + (item.getWho() == null ? "" : " · " + item.getWho()));
        role.addClassName("action-meta");
        card.add(new Div(what), role);
        if (editor) {
            Div buttons = new Div(button(index, ActionStatus.DONE, "done"), button(index, ActionStatus.IN_PROGRESS, "continue"),
                    button(index, ActionStatus.DROPPED, "drop"));
            buttons.addClassName("action-buttons");
            card.add(buttons);
        } else {
            Span status = new Span(getTranslation("actions.status." + item.getStatus().name()));
            status.getElement().getThemeList().add("badge");
            card.add(status);
        }
        return card;
    }

    private Button button(int index, ActionStatus target, String key) {
        ActionItem item = items.get(index);
        Button b = new Button(getTranslation("actions.followUp." + key), e -> {
            try {
                items.set(index, plans.setStatus(item.getId(), item.getVersion(), target));
            } catch (ConflictException | OptimisticLockingFailureException ex) {
                Notification.show(getTranslation("actions.conflict")).addThemeVariants(NotificationVariant.LUMO_ERROR);
                items.set(index, plans.get(item.getId()));
            }
            render();
        });
        b.setAriaLabel(getTranslation("actions.followUp." + key + "For", item.getWhat()));
        b.addClassName("action-follow-" + key);
        // the answer given so far is the one marked; "継続" counts as given once the action is in progress
        boolean chosen = item.getStatus() == target;
        b.addThemeVariants(chosen ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        b.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
        return b;
    }
}
