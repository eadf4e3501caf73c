package jp.kakaritsuke.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.identity.service.LoginThrottle;
import jp.kakaritsuke.identity.service.LoginThrottle.LockedAccount;

/** Administrators see accounts with failed logins and unlock one (解除) when its owner asks. */
@Route("admin/locked-accounts")
@RolesAllowed("ADMIN")
class LockedAccountsView extends VerticalLayout implements HasDynamicTitle {

    private final DateTimeFormatter time;

    private final LoginThrottle throttle;
    final Grid<LockedAccount> grid = new Grid<>();

    LockedAccountsView(LoginThrottle throttle, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.throttle = throttle;
        setMaxWidth("72rem");
        grid.addColumn(LockedAccount::username).setHeader(getTranslation("account.username"));
        grid.addColumn(LockedAccount::displayName).setHeader(getTranslation("account.displayName")).setFlexGrow(2);
        grid.addColumn(LockedAccount::failedLogins).setHeader(getTranslation("lockedAccounts.failures"));
        grid.addColumn(a -> !a.locked() ? getTranslation("lockedAccounts.notLocked")
                : a.lockedUntil() == null ? getTranslation("lockedAccounts.untilUnlocked")
                : getTranslation("lockedAccounts.until", time.format(a.lockedUntil())))
                .setHeader(getTranslation("lockedAccounts.state")).setFlexGrow(2);
        grid.addComponentColumn(a -> {
            Button unlock = new Button(getTranslation("lockedAccounts.unlock"), e -> unlock(a));
            // a screen reader hears whose lock it lifts, not "解除" once per row
            unlock.setAriaLabel(getTranslation("lockedAccounts.unlockFor", a.username()));
            unlock.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return unlock;
        });
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("lockedAccounts.none"));
        add(new H2(getTranslation("lockedAccounts.title")), new Paragraph(getTranslation("lockedAccounts.intro")), grid);
        refresh();
    }

    void unlock(LockedAccount account) {
        throttle.unlock(account.userId());
        Notification.show(getTranslation("lockedAccounts.unlocked", account.username()))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refresh() {
        grid.setItems(throttle.accountsWithFailedLogins());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lockedAccounts.title") + " | " + getTranslation("app.title");
    }
}
