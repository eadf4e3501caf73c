package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The fields an invitee fills in to create their account (user name, name, address, password twice), shared by the
 * facility and the association invitation pages. The service validates; this form shows its answer at the right
 * field, every problem at once (issue 13). The service judges both passwords too
 * ({@code UserAccountService.createUser(…, password, passwordAgain)}), so one answer holds everything:
 * <pre>
 * try { service.accept(code, …, account.password.getValue(), account.confirm.getValue()); }
 * catch (AccountException e) { account.showErrors(e.messageKeys()).forEach(key -&gt; markTheCode(key)); }
 * </pre>
 */
public class NewAccountForm extends FormLayout {

    public final TextField username = new TextField();
    public final TextField displayName = new TextField();
    public final EmailField email = new EmailField();
    public final PasswordField password = new PasswordField();
    public final PasswordField confirm = new PasswordField();
    private final int minPasswordLength;
    private final int maxPasswordLength;

    /** The lengths come from identity's password rule (PasswordPolicy), which the service applies. */
    public NewAccountForm(int minPasswordLength, int maxPasswordLength) {
        this.minPasswordLength = minPasswordLength;
        this.maxPasswordLength = maxPasswordLength;
        username.setLabel(getTranslation("account.username"));
        username.setHelperText(getTranslation("account.username.help"));
        username.setMaxLength(100);
        displayName.setLabel(getTranslation("account.displayName"));
        displayName.setMaxLength(200);
        email.setLabel(getTranslation("email.label"));
        email.setHelperText(getTranslation("account.email.help"));
        email.setMaxLength(jp.kakaritsuke.base.EmailAddress.MAX_LENGTH);
        password.setLabel(getTranslation("account.password"));
        password.setHelperText(getTranslation("account.password.help", minPasswordLength, maxPasswordLength));
        // no maxLength: the browser would cut a pasted passphrase silently; the service says it is too long instead
        confirm.setLabel(getTranslation("account.passwordConfirm"));
        add(username, displayName, email, password, confirm);
        // only the service's answer marks a field: the browser's own checks (an emptied required field, the email
        // pattern) would show red after a successful reset, or a second, different message
        for (HasValidationProperties field : fields()) {
            ((com.vaadin.flow.component.HasValidation) field).setManualValidation(true);
        }
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /**
     * Shows every problem (i18n keys) at its field at once, after clearing the previous ones; returns the keys that
     * belong to none of these fields (an invitation code's, say), for the page to show where they belong.
     */
    public List<String> showErrors(Collection<String> keys) {
        clearErrors();
        List<String> elsewhere = new ArrayList<>();
        for (String key : keys) {
            if (!showError(key)) {
                elsewhere.add(key);
            }
        }
        return elsewhere;
    }

    /** No field is marked any more. */
    public void clearErrors() {
        for (HasValidationProperties field : fields()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    /** After a successful submit: the fields are empty and nothing is red (an emptied required field is not an error). */
    public void reset() {
        username.clear();
        displayName.clear();
        email.clear();
        password.clear();
        confirm.clear();
        clearErrors();
    }

    /**
     * Shows one account error (an i18n key) at its field, leaving the other fields' errors as they are; {@code false}
     * when the key is about none of these fields.
     */
    public boolean showError(String key) {
        switch (key) {
            case "account.error.mismatch" -> {
                confirm.setInvalid(true);
                confirm.setErrorMessage(getTranslation(key));
            }
            case "account.error.username", "account.error.taken" -> invalid(username, getTranslation(key));
            case "account.error.displayName", "account.error.displayNameFormula", "account.error.displayNameInvisible" -> invalid(displayName, getTranslation(key));
            case "email.error.invalid", "email.error.tooLong", "account.error.emailTaken" -> {
                email.setInvalid(true);
                email.setErrorMessage(getTranslation(key));
            }
            case "account.error.password", "account.error.passwordTooLong", "account.error.passwordUsername",
                 "account.error.passwordCommon" -> {
                password.setInvalid(true);
                password.setErrorMessage(getTranslation(key, minPasswordLength, maxPasswordLength));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private List<HasValidationProperties> fields() {
        return List.of(username, displayName, email, password, confirm);
    }

    private static void invalid(TextField field, String message) {
        field.setInvalid(true);
        field.setErrorMessage(message);
    }
}
