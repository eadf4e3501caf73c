package jp.kakaritsuke.base.ui;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The page where an invitee accepts an invitation, reachable without login (the code is the credential): the code
 * (from the mail's link or typed), a sentence saying who is invited to what, and then either a button to accept with
 * the account the visitor is logged in with, or a new account's form ({@link NewAccountForm}) that starts with the
 * name and address the inviter gave (never over what was typed). Every problem is shown at once, each at its field; a
 * problem with the code at the code. A facility's invitation and an association's are the same page with their own
 * wording and services: subclasses say what an invitation is and how it is accepted.
 */
public abstract class InvitationAcceptPage extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** The page's own wording (translation keys); {@code acceptAs} takes the logged-in user's display name. */
    public record Texts(String title, String acceptAs, String newAccount, String haveAccount) {
    }

    /** An open invitation: the sentence above the code, and the name and address to start a new account with. */
    public record Invitee(String description, String name, Optional<String> email) {
    }

    /** After accepting: a heading and where to go next. */
    public record Done(String heading, Anchor next) {
    }

    public final TextField code = new TextField();
    public final Paragraph message = new Paragraph();
    public final Button acceptAsCurrent = new Button();
    public final NewAccountForm account;
    public final Button accept = new Button();
    private final Texts texts;
    private final Function<RuntimeException, Optional<List<String>>> refusal;

    /**
     * @param loggedIn the display name of the user logged in, if any: they accept with that account
     * @param refusal  the i18n keys of an exception by which a service refuses (a wrong code, a taken user name…);
     *                 empty for any other exception, which is not caught
     */
    protected InvitationAcceptPage(Optional<String> loggedIn, Texts texts, int minPasswordLength, int maxPasswordLength,
                                   Function<RuntimeException, Optional<List<String>>> refusal) {
        this.texts = texts;
        this.refusal = refusal;
        this.account = new NewAccountForm(minPasswordLength, maxPasswordLength);
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
        add(new H2(getTranslation(texts.title())), message, code);
        if (loggedIn.isPresent()) {
            acceptAsCurrent.setText(getTranslation(texts.acceptAs(), loggedIn.get()));
            acceptAsCurrent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            acceptAsCurrent.addClickListener(e -> acceptAsCurrentUser());
            add(acceptAsCurrent);
            return;
        }
        Paragraph existing = new Paragraph(getTranslation(texts.haveAccount()));
        existing.addClassName("hint");
        add(new H3(getTranslation(texts.newAccount())), existing, account, accept);
    }

    /** The open invitation under this code; empty for an unknown, used, revoked or expired one. */
    protected abstract Optional<Invitee> lookup(String code);

    /** Accepts with a new account (the service checks the second password too: one answer holds every problem). */
    protected abstract Done acceptWithNewAccount(String code, String username, String displayName, String email,
                                                 String password, String confirm);

    /** Accepts with the account of the user logged in. */
    protected abstract Done acceptWithCurrentUser(String code);

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String value) {
        if (value != null) {
            code.setValue(value);
        }
        describe();
    }

    private void describe() {
        Optional<Invitee> invitee = lookup(code.getValue());
        message.setText(invitee.map(Invitee::description)
                .orElse(code.isEmpty() ? getTranslation("invitation.enterCode") : getTranslation("invitation.error.invalid")));
        // the name and address the inviter gave: a start the invitee may change, never over what they typed
        invitee.ifPresent(i -> {
            if (account.displayName.isEmpty()) {
                account.displayName.setValue(i.name());
            }
            if (account.email.isEmpty()) {
                i.email().ifPresent(account.email::setValue);
            }
        });
    }

    /** Accepts with a new account; problems go to their fields, the code's to the code. */
    private void accept() {
        code.setInvalid(false);
        account.clearErrors();
        attempt(() -> acceptWithNewAccount(code.getValue(), account.username.getValue(), account.displayName.getValue(),
                        account.email.getValue(), account.password.getValue(), account.confirm.getValue()),
                keys -> account.showErrors(new LinkedHashSet<>(keys)).forEach(this::markCode));
    }

    /** Accepts with the current account; a refusal is the code's. */
    private void acceptAsCurrentUser() {
        code.setInvalid(false);
        attempt(() -> acceptWithCurrentUser(code.getValue()), keys -> markCode(keys.getFirst()));
    }

    private void attempt(Supplier<Done> action, Consumer<List<String>> refused) {
        Done done;
        try {
            done = action.get();
        } catch (RuntimeException e) {
            refused.accept(refusal.apply(e).orElseThrow(() -> e));
            return;
        }
        removeAll();
        add(new H2(done.heading()), done.next());
    }

    private void markCode(String key) {
        code.setInvalid(true);
        code.setErrorMessage(getTranslation(key));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(texts.title()) + " | " + getTranslation("app.title");
    }
}
