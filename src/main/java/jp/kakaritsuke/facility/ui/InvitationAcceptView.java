package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.UserAccountService;

/** Where an invitee sets their user name and password. Reachable without login: the code is the credential. */
@Route(value = "invite", autoLayout = false)
@AnonymousAllowed
class InvitationAcceptView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final InvitationService invitations;
    final TextField code = new TextField();
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button accept = new Button();
    final Paragraph message = new Paragraph();

    InvitationAcceptView(InvitationService invitations) {
        this.invitations = invitations;
        setMaxWidth("40rem");
        addClassName("invitation-view");
        code.setLabel(getTranslation("invitation.code"));
        code.setMaxLength(64);
        code.addValueChangeListener(e -> describe());
        username.setLabel(getTranslation("account.username"));
        username.setHelperText(getTranslation("account.username.help"));
        username.setMaxLength(100);
        displayName.setLabel(getTranslation("account.displayName"));
        displayName.setMaxLength(200);
        password.setLabel(getTranslation("account.password"));
        password.setHelperText(getTranslation("account.password.help", UserAccountService.MIN_PASSWORD_LENGTH));
        password.setMinLength(UserAccountService.MIN_PASSWORD_LENGTH);
        confirm.setLabel(getTranslation("account.passwordConfirm"));
        accept.setText(getTranslation("invitation.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(e -> accept());
        FormLayout form = new FormLayout(code, username, displayName, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H2(getTranslation("invitation.accept.title")), message, form, accept);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String value) {
        if (value != null) {
            code.setValue(value);
        }
        describe();
    }

    private void describe() {
        message.setText(invitations.lookup(code.getValue())
                .map(i -> getTranslation("invitation.for", i.inviteeName(), i.facilityName(),
                        getTranslation(FacilityForm.roleKey(i.role()))))
                .orElse(code.isEmpty() ? getTranslation("invitation.enterCode") : getTranslation("invitation.error.invalid")));
    }

    void accept() {
        if (!password.getValue().equals(confirm.getValue())) {
            confirm.setInvalid(true);
            confirm.setErrorMessage(getTranslation("account.error.mismatch"));
            return;
        }
        confirm.setInvalid(false);
        try {
            invitations.accept(code.getValue(), username.getValue(), displayName.getValue(), password.getValue());
            removeAll();
            add(new H2(getTranslation("invitation.done")), new Anchor("login", getTranslation("invitation.toLogin")));
        } catch (UserAccountService.AccountException e) {
            String key = e.getMessage();
            var field = switch (key) {
                case "account.error.username", "account.error.taken" -> username;
                case "account.error.displayName" -> displayName;
                case "account.error.password" -> null;
                default -> code;
            };
            if (field == null) {
                password.setInvalid(true);
                password.setErrorMessage(getTranslation(key, UserAccountService.MIN_PASSWORD_LENGTH));
            } else {
                field.setInvalid(true);
                field.setErrorMessage(getTranslation(key));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.accept.title") + " | " + getTranslation("app.title");
    }
}
