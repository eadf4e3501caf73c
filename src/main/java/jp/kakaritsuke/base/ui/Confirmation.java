package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Every change of people, names, places or accounts asks first (issue 13): a dialog naming what will happen, the
 * action on its button (red when it takes something away) and 「キャンセル」. Nothing changes before the button is
 * pressed.
 */
public class Confirmation extends ConfirmDialog {

    public Confirmation(String header, String text, String action, boolean destructive, Runnable onConfirm) {
        setHeader(header);
        setText(text);
        setCancelable(true);
        setCancelText(getTranslation("common.cancel"));
        setConfirmText(action);
        setConfirmButtonTheme(destructive ? "error primary" : "primary");
        addConfirmListener(e -> onConfirm.run());
    }

    /** Opens the question; the change runs only when it is confirmed. */
    public static Confirmation ask(String header, String text, String action, boolean destructive, Runnable onConfirm) {
        Confirmation confirmation = new Confirmation(header, text, action, destructive, onConfirm);
        confirmation.open();
        return confirmation;
    }
}
