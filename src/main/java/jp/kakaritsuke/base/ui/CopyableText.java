package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A value someone hands on (an invitation link or code): shown read-only, with a button that copies it. The
 * clipboard needs a secure context (https or localhost); where the browser refuses, the text is selected instead and
 * the user is told to copy it with the keyboard.
 */
public class CopyableText extends TextField {

    final Button copy = new Button(VaadinIcon.COPY_O.create());

    public CopyableText(String label, String value) {
        setLabel(label);
        setValue(value);
        setReadOnly(true);
        setWidthFull();
        addClassName("copyable-text");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setText(getTranslation("copy.button"));
        copy.setAriaLabel(getTranslation("copy.buttonLabel", label));
        copy.addClickListener(e -> copy());
        setSuffixComponent(copy);
    }

    private void copy() {
        getElement().executeJs("""
                return navigator.clipboard && window.isSecureContext
                    ? navigator.clipboard.writeText($0).then(() => true, () => false)
                    : Promise.resolve(false);""", getValue())
                .then(Boolean.class, copied -> {
                    if (Boolean.TRUE.equals(copied)) {
                        Notification.show(getTranslation("copy.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } else {
                        getElement().executeJs("this.inputElement.select()");
                        Notification.show(getTranslation("copy.selected"));
                    }
                });
    }
}
