package jp.kakaritsuke.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.identity.config.SessionStamps;
import jp.kakaritsuke.identity.service.MyAccountService;
import jp.kakaritsuke.identity.service.MyAccountService.MyAccount;
import jp.kakaritsuke.identity.service.PasswordPolicy;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;

/**
 * 「アカウント」: one's own user name, name and address; change the password (the current one, the new one twice);
 * change the address (with the current password); the API tokens. A new password ends one's other sessions, not
 * this one.
 */
@Route("account")
@PermitAll
class AccountView extends VerticalLayout implements HasDynamicTitle {

    private final MyAccountService service;
    final Paragraph summary = new Paragraph();
    final Paragraph noAddress = new Paragraph();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button changePassword = new Button();
    final EmailField newEmail = new EmailField();
    final PasswordField emailPassword = new PasswordField();
    final Button changeEmail = new Button();

    AccountView(MyAccountService service) {
        this.service = service;
        setMaxWidth("48rem");
        noAddress.addClassName("account-no-address");

        currentPassword.setLabel(getTranslation("accountPage.currentPassword"));
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        emailPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setLabel(getTranslation("accountPage.newPassword"));
        newPassword.setHelperText(getTranslation("account.password.help", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        confirm.setLabel(getTranslation("account.passwordConfirm"));
        changePassword.setText(getTranslation("accountPage.changePassword"));
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.addClickListener(e -> changePassword());
        FormLayout passwordForm = new FormLayout(currentPassword, newPassword, confirm);
        passwordForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        newEmail.setLabel(getTranslation("accountPage.newEmail"));
        newEmail.setHelperText(getTranslation("account.email.help"));
        newEmail.setMaxLength(EmailAddress.MAX_LENGTH);
        emailPassword.setLabel(getTranslation("accountPage.currentPassword"));
        changeEmail.setText(getTranslation("accountPage.changeEmail"));
        changeEmail.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changeEmail.addClickListener(e -> changeEmail());
        FormLayout emailForm = new FormLayout(newEmail, emailPassword);
        emailForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        add(new H2(getTranslation("accountPage.title")), summary, noAddress,
                new H3(getTranslation("accountPage.passwordTitle")), new Paragraph(getTranslation("accountPage.passwordIntro")),
                passwordForm, changePassword,
                new H3(getTranslation("accountPage.emailTitle")), new Paragraph(getTranslation("accountPage.emailIntro")),
                emailForm, changeEmail,
                new H3(getTranslation("accountPage.apiTokensTitle")), new Paragraph(getTranslation("accountPage.apiTokensIntro")),
                new RouterLink(getTranslation("accountPage.apiTokensLink"), ApiTokensView.class));
        refresh();
    }

    private void refresh() {
        MyAccount me = service.me();
        summary.setText(getTranslation("accountPage.summary", me.username(), me.displayName(),
                me.email().orElse(getTranslation("accountPage.noEmail"))));
        noAddress.setText(getTranslation("accountPage.noEmailWarning"));
        noAddress.setVisible(me.email().isEmpty());
    }

    void changePassword() {
        clear(currentPassword, newPassword, confirm);
        try {
            long stamp = service.changePassword(currentPassword.getValue(), newPassword.getValue(), confirm.getValue());
            // this session goes on; the account's other sessions end at their next request
            VaadinServletRequest request = VaadinServletRequest.getCurrent();
            if (request != null) {
                SessionStamps.renew(request.getHttpServletRequest().getSession(false), service.me().username(), stamp);
            }
            currentPassword.clear();
            newPassword.clear();
            confirm.clear();
            clear(currentPassword, newPassword, confirm);
            Notification.show(getTranslation("accountPage.passwordChanged")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AccountException e) {
            for (String key : e.messageKeys()) {
                PasswordField field = switch (key) {
                    case "accountPage.error.currentPassword", "accountPage.error.locked" -> currentPassword;
                    case "account.error.mismatch" -> confirm;
                    default -> newPassword;
                };
                invalid(field, key);
            }
        }
    }

    void changeEmail() {
        clear(newEmail, emailPassword);
        try {
            service.changeEmail(newEmail.getValue(), emailPassword.getValue());
            newEmail.clear();
            emailPassword.clear();
            clear(newEmail, emailPassword);
            refresh();
            Notification.show(getTranslation("accountPage.emailChanged")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AccountException e) {
            for (String key : e.messageKeys()) {
                if (key.startsWith("accountPage.error.currentPassword") || key.equals("accountPage.error.locked")) {
                    invalid(emailPassword, key);
                } else {
                    invalid(newEmail, key);
                }
            }
        }
    }

    private void invalid(HasValidationProperties field, String key) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
    }

    private static void clear(HasValidationProperties... fields) {
        for (HasValidationProperties field : List.of(fields)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accountPage.title") + " | " + getTranslation("app.title");
    }
}
