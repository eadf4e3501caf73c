package jp.kakaritsuke.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jp.kakaritsuke.base.EmailAddress;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.ui.Accessibility;
import jp.kakaritsuke.identity.service.PasswordResetService;

/**
 * 「パスワードを忘れた場合」: the address of one's account, and always the same answer (a mail was sent if the address
 * belongs to an account). Only an input that is no mail address at all is refused, at the field.
 */
@Route(value = PasswordResetService.FORGOT_PATH, autoLayout = false)
@AnonymousAllowed
class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final PasswordResetService resets;
    final EmailField address = new EmailField();
    final Button send = new Button();
    /** The answer after sending (replaces the form). */
    final Paragraph sent = new Paragraph();

    ForgotPasswordView(PasswordResetService resets) {
        this.resets = resets;
        addClassName("login-view");
        getElement().setAttribute("role", "main");
        setMaxWidth("40rem");
        address.setLabel(getTranslation("email.label"));
        address.setMaxLength(EmailAddress.MAX_LENGTH);
        address.setWidthFull();
        address.setAutofocus(true);
        send.setText(getTranslation("passwordReset.forgot.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        send.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        sent.setVisible(false);
        sent.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("passwordReset.forgot.title")),
                new Paragraph(getTranslation("passwordReset.forgot.intro", resets.validity().toMinutes())),
                address, send, sent, new Anchor("login", getTranslation("passwordReset.toLogin")));
    }

    void send() {
        try {
            resets.request(address.getValue());
        } catch (InvalidInputException e) {
            address.setInvalid(true);
            address.setErrorMessage(getTranslation(e.messageKeys().getFirst()));
            return;
        }
        // the same answer whether or not the address belongs to an account
        sent.setText(getTranslation("passwordReset.forgot.sent", EmailAddress.normalize(address.getValue()),
                resets.validity().toMinutes()));
        sent.setVisible(true);
        address.setInvalid(false);
        address.setReadOnly(true);
        send.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Accessibility.markConnectionIndicator(event.getUI());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("passwordReset.forgot.title") + " | " + getTranslation("app.title");
    }
}
