package jp.kakaritsuke.facility.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashSet;
import java.util.Optional;
import jp.kakaritsuke.base.ui.NewAccountForm;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;

/**
 * Where an invitee sets their user name and password, reachable without login (the code is the credential). Opened
 * from the mail's link, the form starts with the name and address the inviter gave. Every problem is shown at once,
 * each at its field. Someone already logged in (working for another facility) may join with that account instead.
 */
@Route(value = "invite", autoLayout = false)
@AnonymousAllowed
class InvitationAcceptView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final InvitationService invitations;
    private final Optional<CurrentUser> loggedIn;
    final TextField code = new TextField();
    final NewAccountForm account = new NewAccountForm(UserAccountService.MIN_PASSWORD_LENGTH,
            UserAccountService.MAX_PASSWORD_LENGTH);
    final Button accept = new Button();
    final Button acceptAsCurrent = new Button();
    final Paragraph message = new Paragraph();

    InvitationAcceptView(InvitationService invitations, UserAccountService accounts) {
        this.invitations = invitations;
        this.loggedIn = accounts.currentUser();
        setMaxWidth("40rem");
        addClassName("invitation-view");
        code.setLabel(getTranslation("invitation.code"));
        code.setMaxLength(64);
        code.setWidth("18rem");
        code.setManualValidation(true);
        code.addValueChangeListener(e -> describe());
        accept.setText(getTranslation("invitation.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(e -> accept());
        add(new H2(getTranslation("invitation.accept.title")), message, code);
        if (loggedIn.isPresent()) {
            acceptAsCurrent.setText(getTranslation("invitation.acceptAs", loggedIn.get().displayName()));
            acceptAsCurrent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            acceptAsCurrent.addClickListener(e -> acceptAsCurrentUser());
            add(acceptAsCurrent);
            return;
        }
        Paragraph existing = new Paragraph(getTranslation("invitation.haveAccount"));
        existing.addClassName("hint");
        add(new H3(getTranslation("invitation.newAccount")), existing, account, accept);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String value) {
        if (value != null) {
            code.setValue(value);
        }
        describe();
        // the name and address the inviter gave: a start the invitee may change
        invitations.lookup(code.getValue()).ifPresent(i -> {
            if (account.displayName.isEmpty()) {
                account.displayName.setValue(i.inviteeName());
            }
            if (account.email.isEmpty()) {
                i.inviteeEmail().ifPresent(a -> account.email.setValue(a.value()));
            }
        });
    }

    private void describe() {
        message.setText(invitations.lookup(code.getValue())
                .map(i -> getTranslation("invitation.for", i.inviteeName(), i.facilityName(),
                        getTranslation(FacilityForm.roleKey(i.role()))))
                .orElse(code.isEmpty() ? getTranslation("invitation.enterCode") : getTranslation("invitation.error.invalid")));
    }

    void accept() {
        code.setInvalid(false);
        account.clearErrors();
        try {
            // the service judges the second password too: one answer holds every problem
            invitations.accept(code.getValue(), account.username.getValue(), account.displayName.getValue(),
                    account.email.getValue(), account.password.getValue(), account.confirm.getValue());
            done(getTranslation("invitation.done"), new Anchor("login", getTranslation("invitation.toLogin")));
        } catch (UserAccountService.AccountException e) {
            account.showErrors(new LinkedHashSet<>(e.messageKeys())).forEach(key -> mark(code, key));
        }
    }

    void acceptAsCurrentUser() {
        code.setInvalid(false);
        try {
            String facilityName = invitations.lookup(code.getValue()).map(InvitationService.PendingInvitation::facilityName)
                    .orElse("");
            invitations.acceptAsCurrentUser(code.getValue());
            done(getTranslation("invitation.joined", facilityName), new Anchor("start", getTranslation("invitation.toStart")));
        } catch (UserAccountService.AccountException e) {
            mark(code, e.getMessage());
        }
    }

    private void mark(HasValidation field, String key) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(key));
    }

    private void done(String heading, Anchor next) {
        removeAll();
        add(new H2(heading), next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.accept.title") + " | " + getTranslation("app.title");
    }
}
