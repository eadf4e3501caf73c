package jp.kakaritsuke.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.Accessibility;
import jp.kakaritsuke.identity.service.PasswordPolicy;
import jp.kakaritsuke.identity.service.PasswordResetService;
import jp.kakaritsuke.identity.service.PasswordResetService.ResetDone;
import jp.kakaritsuke.identity.service.PasswordResetService.ResetLink;
import jp.kakaritsuke.identity.service.UserAccountService.AccountException;

/**
 * The page a reset link opens: the new password twice. Opening it does not use the link up (mail scanners open
 * links too); setting the password does. A link that no longer works says so and offers a new one.
 */
@Route(value = "reset-password", autoLayout = false)
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final DateTimeFormatter time;

    private final PasswordResetService resets;
    private String token;
    final Paragraph greeting = new Paragraph();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button save = new Button();

    ResetPasswordView(PasswordResetService resets, Clock clock) {
        this.time = TimeFormat.TIME.in(clock);
        this.resets = resets;
        addClassName("login-view");
        getElement().setAttribute("role", "main");
        setMaxWidth("40rem");
        password.setLabel(getTranslation("passwordReset.newPassword"));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setHelperText(getTranslation("account.password.help", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        password.setWidthFull();
        confirm.setLabel(getTranslation("account.passwordConfirm"));
        confirm.setWidthFull();
        save.setText(getTranslation("passwordReset.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String value) {
        token = value;
        resets.lookup(value).ifPresentOrElse(this::showForm, this::showDeadLink);
        Accessibility.markConnectionIndicator(event.getUI());
    }

    private void showForm(ResetLink link) {
        removeAll();
        greeting.setText(getTranslation("passwordReset.for", link.displayName(), link.username(),
                time.format(link.expiresAt())));
        add(new H1(getTranslation("passwordReset.title")), greeting, password, confirm, save);
    }

    private void showDeadLink() {
        removeAll();
        add(new H1(getTranslation("passwordReset.title")), new Paragraph(getTranslation("passwordReset.error.link")),
                new Anchor(PasswordResetService.FORGOT_PATH, getTranslation("passwordReset.again")),
                new Anchor("login", getTranslation("passwordReset.toLogin")));
    }

    void save() {
        try {
            ResetDone done = resets.reset(token, password.getValue(), confirm.getValue());
            removeAll();
            Paragraph result = new Paragraph(getTranslation(done.stillLocked() ? "passwordReset.doneLocked" : "passwordReset.done",
                    done.username()));
            result.getElement().setAttribute("role", "status");
            add(new H1(getTranslation("passwordReset.title")), result, new Anchor("login", getTranslation("passwordReset.toLogin")));
        } catch (AccountException e) {
            showErrors(e);
        } catch (InvalidInputException e) {
            showDeadLink();
        }
    }

    private void showErrors(AccountException e) {
        password.setInvalid(false);
        confirm.setInvalid(false);
        for (String key : e.messageKeys()) {
            PasswordField field = key.equals("account.error.mismatch") ? confirm : password;
            field.setInvalid(true);
            field.setErrorMessage(getTranslation(key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("passwordReset.title") + " | " + getTranslation("app.title");
    }
}
