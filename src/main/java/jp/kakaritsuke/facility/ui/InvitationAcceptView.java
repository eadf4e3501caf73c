package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jp.kakaritsuke.base.ui.NewAccountForm;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.UserAccountService;

/** Where an invitee sets their user name and password. Reachable without login: the code is the credential. */
@Route(value = "invite", autoLayout = false)
@AnonymousAllowed
class InvitationAcceptView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final InvitationService invitations;
    final TextField code = new TextField();
    final NewAccountForm account = new NewAccountForm(UserAccountService.MIN_PASSWORD_LENGTH,
            UserAccountService.MAX_PASSWORD_LENGTH);
    final Button accept = new Button();
    final Paragraph message = new Paragraph();

    InvitationAcceptView(InvitationService invitations) {
        this.invitations = invitations;
        setMaxWidth("40rem");
        addClassName("invitation-view");
        code.setLabel(getTranslation("invitation.code"));
        code.setMaxLength(64);
        code.addValueChangeListener(e -> describe());
        accept.setText(getTranslation("invitation.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(e -> accept());
        account.addComponentAsFirst(code);
        add(new H2(getTranslation("invitation.accept.title")), message, account, accept);
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
        if (!account.passwordsMatch()) {
            return;
        }
        try {
            invitations.accept(code.getValue(), account.username.getValue(), account.displayName.getValue(),
                    account.email.getValue(), account.password.getValue());
            removeAll();
            add(new H2(getTranslation("invitation.done")), new Anchor("login", getTranslation("invitation.toLogin")));
        } catch (UserAccountService.AccountException e) {
            if (!account.showError(e.getMessage())) {
                code.setInvalid(true);
                code.setErrorMessage(getTranslation(e.getMessage()));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.accept.title") + " | " + getTranslation("app.title");
    }
}
