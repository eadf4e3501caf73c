package jp.kakaritsuke.identity.ui;

import jp.kakaritsuke.base.ui.Confirmation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.identity.domain.AppUserSearch.AccountFilter;
import jp.kakaritsuke.identity.service.AccountAdminService;
import jp.kakaritsuke.identity.service.AccountAdminService.AccountRow;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;

/**
 * 「アカウント管理」 (administrators): every account, searched by user name, name or address, page by page; disable or
 * enable one, force a password reset, unlock one after failed logins. Every action is confirmed first; the service
 * audits it.
 */
@Route("admin/accounts")
@RolesAllowed("ADMIN")
class AccountsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final DateTimeFormatter time;

    private final AccountAdminService accounts;
    final TextField search = new TextField();
    final Select<AccountFilter> filter = new Select<>();
    final Grid<AccountRow> grid = new Grid<>();

    AccountsAdminView(AccountAdminService accounts, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.accounts = accounts;
        setMaxWidth("90rem");
        search.setLabel(getTranslation("accountsAdmin.search"));
        search.setHelperText(getTranslation("accountsAdmin.search.help"));
        search.setClearButtonVisible(true);
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        filter.setLabel(getTranslation("accountsAdmin.filter"));
        filter.setItems(AccountFilter.values());
        filter.setItemLabelGenerator(f -> getTranslation("accountsAdmin.filter." + f.name()));
        filter.setValue(AccountFilter.ALL);
        filter.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, filter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(AccountRow::username).setHeader(getTranslation("account.username")).setAutoWidth(true).setResizable(true);
        grid.addColumn(AccountRow::displayName).setHeader(getTranslation("account.displayName")).setFlexGrow(1)
                .setResizable(true).setTooltipGenerator(AccountRow::displayName);
        grid.addColumn(a -> a.email() == null ? getTranslation("accountsAdmin.noEmail") : a.email())
                .setHeader(getTranslation("email.label")).setFlexGrow(2).setResizable(true)
                .setTooltipGenerator(a -> a.email() == null ? getTranslation("accountsAdmin.noEmail") : a.email());
        grid.addColumn(this::state).setHeader(getTranslation("accountsAdmin.state")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("accountsAdmin.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("accountsAdmin.none"));
        grid.setItems(q -> accounts.search(search.getValue(), filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, accounts.count(search.getValue(), filter.getValue())));

        add(new H2(getTranslation("accountsAdmin.title")), new Paragraph(getTranslation("accountsAdmin.intro")), filters,
                grid, new RouterLink(getTranslation("accountsAdmin.lockedLink"), LockedAccountsView.class));
    }

    /** 有効 / 無効, 管理者, ロック中 (…まで) or n回失敗. */
    String state(AccountRow a) {
        StringBuilder s = new StringBuilder(getTranslation(a.enabled() ? "accountsAdmin.enabled" : "accountsAdmin.disabled"));
        if (a.admin()) {
            s.append(getTranslation("accountsAdmin.separator")).append(getTranslation("accountsAdmin.admin"));
        }
        if (a.locked()) {
            s.append(getTranslation("accountsAdmin.separator")).append(a.lockedUntil() == null ? getTranslation("lockedAccounts.untilUnlocked")
                    : getTranslation("lockedAccounts.until", time.format(a.lockedUntil())));
        } else if (a.failedLogins() > 0) {
            s.append(getTranslation("accountsAdmin.separator")).append(getTranslation("accountsAdmin.failures", a.failedLogins()));
        }
        return s.toString();
    }

    private HorizontalLayout actions(AccountRow a) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!a.self()) {
            if (a.enabled()) {
                actions.add(action("accountsAdmin.disable", a, true, () -> accounts.disable(a.userId())));
                actions.add(action("accountsAdmin.forceReset", a, true, () -> accounts.forceReset(a.userId())));
            } else {
                actions.add(action("accountsAdmin.enable", a, false, () -> accounts.enable(a.userId())));
            }
        }
        if (a.failedLogins() > 0) {
            actions.add(action("accountsAdmin.unlock", a, false, () -> accounts.unlock(a.userId())));
        }
        return actions;
    }

    /** A button that asks first ({@code <key>.confirm}), then acts, says so ({@code <key>.done}) and reloads the list. */
    private Button action(String key, AccountRow a, boolean dangerous, Runnable act) {
        Button button = new Button(getTranslation(key));
        button.setAriaLabel(getTranslation(key + ".for", a.username()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (dangerous) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        button.addClickListener(e -> Confirmation.ask(getTranslation(key + ".confirmTitle"),
                getTranslation(key + ".confirm", a.username(), a.displayName(),
                        a.email() == null ? getTranslation("accountsAdmin.noEmail") : a.email()),
                getTranslation(key), dangerous, () -> run(key, a, act)));
        return button;
    }

    void run(String key, AccountRow a, Runnable act) {
        try {
            act.run();
            Notification.show(getTranslation(key + ".done", a.username())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AccountException e) {
            Notification.show(getTranslation(e.getMessage(), a.username())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accountsAdmin.title") + " | " + getTranslation("app.title");
    }
}
