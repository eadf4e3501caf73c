package jp.kakaritsuke.functionreport.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list of names (連携医療機関の名称), one text field per name, with 「追加」 and a 「削除」 per row. A change of a row
 * (on blur), a removal, or an added row once typed in is handed to {@code onChange}; an empty row is not a name and is
 * never sent.
 */
class NameListEditor extends Div {

    /** The report's own limit is not known; the table keeps 200 characters per name. */
    static final int MAX_NAME_LENGTH = 200;

    final List<TextField> rows = new ArrayList<>();
    final Div list = new Div();
    final Button add = new Button();
    final Span label = new Span();
    final Span error = new Span();
    private final Runnable onChange;
    private boolean readOnly;
    private boolean filling;

    NameListEditor(String idBase, String labelText, Runnable onChange) {
        this.onChange = onChange;
        addClassName("prep-names");
        label.setText(labelText);
        label.addClassName("prep-names-label");
        label.setId(idBase + "-label");
        list.addClassName("prep-names-list");
        list.getElement().setAttribute("role", "group");
        list.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
        add.setText(getTranslation("prep.names.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.addClassName("prep-names-add");
        add.addClickListener(e -> {
            TextField row = addRow("");
            row.focus();
        });
        error.addClassName("prep-names-error");
        error.setVisible(false);
        add(label, list, error, add);
    }

    /** Shows the stored names (plus nothing else): rows the user has not typed in are replaced. */
    void setNames(List<String> names) {
        filling = true;
        try {
            rows.clear();
            list.removeAll();
            names.forEach(this::addRow);
        } finally {
            filling = false;
        }
        setInvalid(null);
    }

    /** The names typed, without empty rows, trimmed. */
    List<String> names() {
        return rows.stream().map(TextField::getValue).filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private TextField addRow(String value) {
        TextField field = new TextField();
        field.setValue(value);
        field.setMaxLength(MAX_NAME_LENGTH);
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.setReadOnly(readOnly);
        field.addClassName("prep-name");
        int index = rows.size() + 1;
        field.setAriaLabel(getTranslation("prep.names.row", index));
        field.addValueChangeListener(e -> {
            if (!filling && e.isFromClient()) {
                onChange.run();
            }
        });
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("prep.names.remove", index));
        remove.setTooltipText(getTranslation("prep.names.removeShort"));
        remove.addClassName("prep-name-remove");
        remove.setVisible(!readOnly);
        Div row = new Div(field, remove);
        row.addClassName("prep-name-row");
        remove.addClickListener(e -> {
            boolean hadName = !field.getValue().isBlank();
            rows.remove(field);
            list.remove(row);
            relabel();
            if (hadName) {
                onChange.run();
            }
        });
        rows.add(field);
        list.add(row);
        return field;
    }

    /** Row numbers in the accessible names follow the rows after a removal. */
    private void relabel() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setAriaLabel(getTranslation("prep.names.row", i + 1));
        }
    }

    /** A refusal on the list ({@code row} 1-based, or null for the whole list); null message clears. */
    void setInvalid(String message, Integer row) {
        rows.forEach(r -> {
            r.setInvalid(false);
            r.setErrorMessage(null);
        });
        if (message != null && row != null && row >= 1 && row <= rows.size()) {
            rows.get(row - 1).setInvalid(true);
            rows.get(row - 1).setErrorMessage(message);
        }
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    void setInvalid(String message) {
        setInvalid(message, null);
    }

    boolean isInvalid() {
        return error.isVisible();
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        rows.forEach(r -> r.setReadOnly(readOnly));
        list.getChildren().forEach(row -> row.getChildren().filter(c -> c instanceof Button)
                .forEach(b -> b.setVisible(!readOnly)));
    }
}
