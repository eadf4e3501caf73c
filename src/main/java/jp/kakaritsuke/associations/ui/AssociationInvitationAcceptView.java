package jp.kakaritsuke.associations.ui;

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
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.NewAccountForm;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;

/**
 * Where an invited association administrator accepts: with the account they are logged in with (a director who also
 * serves the association), or with a new one whose password they set here. The code is the credential. The new-account
 * form starts with the name and address the invitation was made for (both can be changed); a refused attempt marks
 * every field to fix at once and keeps what was typed.
 */
@Route(value = "association-invite", autoLayout = false)
@AnonymousAllowed
class AssociationInvitationAcceptView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final DateTimeFormatter time;

    private final AssociationStaffService staff;
    private final Optional<CurrentUser> loggedIn;
    final TextField code = new TextField();
    final Paragraph message = new Paragraph();
    final Button acceptAsCurrent = new Button();
    final NewAccountForm account = new NewAccountForm(UserAccountService.MIN_PASSWORD_LENGTH,
            UserAccountService.MAX_PASSWORD_LENGTH);
    final Button accept = new Button();

    AssociationInvitationAcceptView(AssociationStaffService staff, UserAccountService accounts, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.staff = staff;
        this.loggedIn = accounts.currentUser();
        setMaxWidth("40rem");
        addClassName("invitation-view");
        code.setLabel(getTranslation("invitation.code"));
        code.setMaxLength(64);
        code.addValueChangeListener(e -> describe());
        add(new H2(getTranslation("associationInvite.title")), message, code);

        if (loggedIn.isPresent()) {
            acceptAsCurrent.setText(getTranslation("associationInvite.acceptAs", loggedIn.get().displayName()));
            acceptAsCurrent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            acceptAsCurrent.addClickListener(e -> acceptAsCurrentUser());
            add(acceptAsCurrent);
            return;
        }
        accept.setText(getTranslation("invitation.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(e -> accept());
        Paragraph existing = new Paragraph(getTranslation("associationInvite.haveAccount"));
        existing.addClassName("hint");
        add(new H3(getTranslation("associationInvite.newAccount")), existing, account, accept);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String value) {
        if (value != null) {
            code.setValue(value);
        }
        describe();
    }

    private void describe() {
        var pending = staff.lookup(code.getValue());
        message.setText(pending
                .map(i -> getTranslation("associationInvite.for", i.inviteeName(), i.associationName(), time.format(i.expiresAt())))
                .orElse(code.isEmpty() ? getTranslation("invitation.enterCode") : getTranslation("invitation.error.invalid")));
        // pre-filled from the invitation, never over what the invitee typed
        pending.ifPresent(i -> {
            if (account.displayName.isEmpty()) {
                account.displayName.setValue(i.inviteeName());
            }
            if (account.email.isEmpty()) {
                i.inviteeEmail().ifPresent(account.email::setValue);
            }
        });
    }

    void acceptAsCurrentUser() {
        try {
            staff.acceptAsCurrentUser(code.getValue());
            done(new Anchor("associations", getTranslation("associationInvite.toAssociations")));
        } catch (UserAccountService.AccountException e) {
            code.setInvalid(true);
            code.setErrorMessage(getTranslation(e.getMessage()));
        }
    }

    void accept() {
        code.setInvalid(false);
        account.clearErrors();
        try {
            // the service compares the two passwords too, so a typo there is reported with everything else
            staff.accept(code.getValue(), account.username.getValue(), account.displayName.getValue(),
                    account.email.getValue(), account.password.getValue(), account.confirm.getValue());
            done(new Anchor("login", getTranslation("invitation.toLogin")));
        } catch (UserAccountService.AccountException e) {
            account.showErrors(e.messageKeys()).forEach(key -> {
                code.setInvalid(true);
                code.setErrorMessage(getTranslation(key));
            });
        }
    }

    private void done(Anchor next) {
        removeAll();
        add(new H2(getTranslation("associationInvite.done")), next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("associationInvite.title") + " | " + getTranslation("app.title");
    }
}
