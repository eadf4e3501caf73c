package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import jp.kakaritsuke.assessment.domain.AnswerType;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerView;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.service.CaseLabels;

/**
 * One role as a compact card: the level with its five anchors always visible, the priority, and a folded
 * 「詳しく答える（任意）」 with the help text, the indicators and the note. Every user change is handed to {@code onChange}
 * at once (autosave); the editor keeps the version to send with the next save, and keeps what was typed when the
 * service refuses it (the field shows why, the card says 「保存されていません」).
 */
class RoleEditor extends Div {

    final RoleCode roleCode;
    final String roleName;
    final RoleQuestion question;
    final RadioButtonGroup<Integer> level = new RadioButtonGroup<>();
    final Map<String, HasValue<?, ?>> indicators = new LinkedHashMap<>();
    final Checkbox priority = new Checkbox();
    final TextArea note = new TextArea();
    final Details details = new Details();
    final Span status = new Span();
    final Span unconfirmedMark = new Span();
    final Div previousBox = new Div();
    /** The role's help text (the folded second layer), and the crosswalk sentences under it. */
    final Div help = new Div();
    final Button unchanged = new Button();
    /** Fields the service refused (field name → message shown), kept until a save of the role succeeds. */
    final Map<String, String> invalid = new LinkedHashMap<>();
    private boolean unsaved;
    private long version;
    private boolean filling;
    private boolean editable;
    private RoleAnswerView answer;

    RoleEditor(RoleQuestion question, String roleName, RoleAnswerView answer, boolean editable,
               Consumer<RoleEditor> onChange, Consumer<RoleEditor> onUnchanged) {
        this.roleCode = question.roleCode();
        this.roleName = roleName;
        this.question = question;
        Locale locale = getLocale();
        addClassName("role-editor");
        setId("role-" + roleCode.name());

        H3 title = new H3(roleName);
        unconfirmedMark.setText(getTranslation("quick.unconfirmed"));
        unconfirmedMark.getElement().getThemeList().add("badge error");
        unconfirmedMark.addClassName("unconfirmed-mark");
        Div head = new Div(title, unconfirmedMark);
        head.addClassName("role-editor-head");
        add(head);

        previousBox.addClassName("previous-answer");
        unchanged.setText(getTranslation("quick.unchanged"));
        unchanged.setAriaLabel(getTranslation("quick.unchangedFor", roleName));
        unchanged.addThemeVariants(ButtonVariant.LUMO_SMALL);
        unchanged.addClassName("unchanged-button");
        unchanged.addClickListener(e -> onUnchanged.accept(this));
        add(previousBox);

        level.setLabel(getTranslation("questionnaire.level"));
        level.setItems(IntStream.rangeClosed(0, RoleQuestion.MAX_LEVEL).boxed().toList());
        level.setItemLabelGenerator(l -> getTranslation("questionnaire.levelItem", l, question.levelAnchor(l, locale)));
        level.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        level.setRequiredIndicatorVisible(true);
        level.addClassName("level-group");
        priority.setLabel(getTranslation("quick.priority"));
        add(level, priority);

        // the second layer: read and answered only by those who want the detail
        Div more = new Div();
        help.addClassName("role-help");
        help.add(new Paragraph(question.help(locale)));
        if (question.helpSource() != null) {
            Span source = new Span(getTranslation("questionnaire.helpSource", question.helpSource()));
            source.addClassName("source-ref");
            help.add(source);
        }
        more.add(help);
        Div indicatorBox = new Div();
        indicatorBox.addClassName("indicators");
        for (Indicator indicator : question.indicators()) {
            indicatorBox.add(indicatorField(indicator, locale));
        }
        more.add(indicatorBox);
        note.setLabel(getTranslation("questionnaire.note"));
        note.setMaxLength(RoleAnswer.MAX_NOTE_LENGTH);
        note.setValueChangeMode(ValueChangeMode.LAZY);
        note.setValueChangeTimeout(800);
        note.setWidthFull();
        more.add(note);
        details.setSummaryText(getTranslation("quick.details"));
        details.add(more);
        details.setOpened(false);
        details.addClassName("role-details");
        add(details);

        status.addClassName("save-status");
        add(status);

        this.editable = editable;
        setAnswer(answer);
        setEditable(editable);
        List<HasValue<?, ?>> all = new ArrayList<>(indicators.values());
        all.add(level);
        all.add(priority);
        all.add(note);
        all.forEach(f -> f.addValueChangeListener(e -> {
            if (!filling && e.isFromClient()) {
                onChange.accept(this);
            }
        }));
    }

    private Component indicatorField(Indicator indicator, Locale locale) {
        Div row = new Div();
        row.addClassName("indicator");
        HasValue<?, ?> field;
        if (indicator.type() == AnswerType.NUMBER) {
            // a text field: the service reads it with NumberInput, so 「１２」 and 「1,200」 are numbers, not nothing
            TextField number = new TextField(indicator.label(locale));
            if (indicator.unit(locale) != null) {
                number.setSuffixComponent(new Span(indicator.unit(locale)));
            }
            String range = getTranslation("questionnaire.range", indicator.min(), indicator.max());
            number.setHelperText(indicator.hint(locale) == null ? range : indicator.hint(locale) + " (" + range + ")");
            number.setValueChangeMode(ValueChangeMode.ON_CHANGE);
            number.setWidthFull();
            number.addClassName("number-indicator");
            field = number;
            row.add(number);
        } else {
            RadioButtonGroup<Choice> choice = new RadioButtonGroup<>(indicator.label(locale));
            choice.setItems(indicator.choices());
            choice.setItemLabelGenerator(c -> getTranslation(choiceKey(c)));
            if (indicator.choices().size() > 4) {
                // the report's eight frequency bands or the fee's five tiers: one per line, readable on a phone
                choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            }
            choice.setHelperText(indicator.hint(locale));
            choice.addClassName("choice-indicator");
            field = choice;
            row.add(choice);
        }
        indicators.put(indicator.code(), field);
        Div refs = new Div();
        refs.addClassName("indicator-refs");
        if (indicator.sourceCase() != null) {
            SourceReference ref = new SourceReference(indicator.sourceCase(), indicator.sourcePractice());
            String target = "cases/" + indicator.sourceCase() + (indicator.sourcePractice() == null ? "" : "#practice-" + indicator.sourcePractice());
            Anchor source = new Anchor(target, getTranslation("questionnaire.indicatorSource", CaseLabels.source(getLocale(), ref)));
            source.setTarget("_blank");
            refs.add(source);
        }
        if (indicator.asksReportItem()) {
            // only where it is literally the report's question (version 3); older versions' headings are not shown
            Span report = new Span(getTranslation("questionnaire.v3.sameAsReport", indicator.reportItemJa()));
            report.getElement().getThemeList().add("badge");
            report.addClassName("same-as-report");
            refs.add(report);
        }
        if (indicator.period() != null) {
            Span period = new Span(getTranslation("questionnaire.v3.period." + indicator.period().name()));
            period.addClassName("indicator-period");
            refs.add(period);
        }
        if (indicator.basis(locale) != null) {
            Span basis = new Span(getTranslation("questionnaire.v3.basis", indicator.basis(locale)));
            basis.addClassName("indicator-basis");
            refs.add(basis);
        }
        row.add(refs);
        return row;
    }

    /**
     * Under the role's help: the report functions the current edition's crosswalk links this role to, marked as this
     * service's mapping (the reasons are on the result page). Nothing when there are none.
     */
    void showCrosswalk(jp.kakaritsuke.functionreport.domain.ReportEdition edition) {
        if (edition == null || edition.crosswalkForRole(roleCode).isEmpty()) {
            return;
        }
        Div box = new Div();
        box.addClassName("role-crosswalk");
        for (var link : edition.crosswalkForRole(roleCode)) {
            box.add(new Paragraph(CrosswalkPanel.sentence(this, getLocale(), edition, link)));
        }
        Span ours = new Span(getTranslation("crosswalk.ours"));
        ours.getElement().getThemeList().add("badge contrast");
        box.add(ours);
        help.add(box);
    }

    /** 不明 / 該当なし are new with version 2; their texts live with the quick path's. */
    static String choiceKey(Choice c) {
        return "choice." + c.name();
    }

    /** Shows a saved answer (after loading, or when the user takes a colleague's version); clears refusals. */
    void setAnswer(RoleAnswerView answer) {
        this.answer = answer;
        filling = true;
        try {
            version = answer.version();
            level.setValue(answer.level());
            priority.setValue(answer.priority());
            note.setValue(answer.note() == null ? "" : answer.note());
            for (Indicator indicator : question.indicators()) {
                setFieldValue(indicator, answer.indicators().get(indicator.code()));
            }
        } finally {
            filling = false;
        }
        clearErrors();
        unsaved = false;
        showConfirmation();
        updateDetailsSummary();
    }

    @SuppressWarnings("unchecked")
    private void setFieldValue(Indicator indicator, AnswerValue v) {
        HasValue<?, ?> field = indicators.get(indicator.code());
        if (indicator.type() == AnswerType.NUMBER) {
            ((TextField) field).setValue(v == null || v.number() == null ? "" : NumberInput.format(v.number()));
        } else {
            ((RadioButtonGroup<Choice>) field).setValue(v == null ? null : v.choice());
        }
    }

    /** What the user entered, numbers as typed: the service normalises them (and refuses what is not a number). */
    @SuppressWarnings("unchecked")
    RoleAnswerInput input() {
        Map<String, AnswerValue> values = new LinkedHashMap<>();
        for (Indicator indicator : question.indicators()) {
            HasValue<?, ?> field = indicators.get(indicator.code());
            if (indicator.type() == AnswerType.NUMBER) {
                String text = ((TextField) field).getValue();
                values.put(indicator.code(), text == null || text.isBlank() ? null : AnswerValue.typed(text));
            } else {
                Choice c = ((RadioButtonGroup<Choice>) field).getValue();
                values.put(indicator.code(), c == null ? null : AnswerValue.of(c));
            }
        }
        return new RoleAnswerInput(level.getValue(), priority.getValue(), note.getValue(), values);
    }

    long version() {
        return version;
    }

    RoleAnswerView answer() {
        return answer;
    }

    /** A successful save: the new version, the answer as stored, all refusals gone. */
    void saved(RoleAnswerView view, String message) {
        this.answer = view;
        version = view.version();
        clearErrors();
        unsaved = false;
        status.removeClassName("not-saved");
        status.setText(message);
        showConfirmation();
        updateDetailsSummary();
        // a number shown as stored (「１２」 becomes 12, 3.00 becomes 3); fields the user did not touch stay as they are
        filling = true;
        try {
            for (Indicator indicator : question.indicators()) {
                if (indicator.type() == AnswerType.NUMBER) {
                    setFieldValue(indicator, view.indicators().get(indicator.code()));
                }
            }
        } finally {
            filling = false;
        }
    }

    /** The service refused the role: each message on its field, the typed text kept, the card marked as not saved. */
    void refused(List<FieldError> errors, String statusText) {
        clearErrors();
        for (FieldError error : errors) {
            String message = getTranslation(error.messageKey(), error.args().toArray());
            invalid.put(error.field(), message);
            Component field = fieldOf(error.field());
            if (field instanceof HasValidation v) {
                v.setInvalid(true);
                v.setErrorMessage(message);
            }
            if (!"level".equals(error.field()) && !"priority".equals(error.field())) {
                details.setOpened(true);
            }
        }
        notSaved(statusText);
    }

    /** Not saved for a reason shown elsewhere (a notification, a conflict): the card says so in the error colour. */
    void notSaved(String statusText) {
        unsaved = true;
        status.setText(statusText);
        status.addClassName("not-saved");
    }

    boolean hasUnsavedInput() {
        return unsaved || !invalid.isEmpty();
    }

    /** Label of a field as the user sees it ("level", "note" or an indicator code). */
    String fieldLabel(String field) {
        if ("level".equals(field)) {
            return getTranslation("questionnaire.level");
        }
        if ("note".equals(field)) {
            return getTranslation("questionnaire.note");
        }
        if ("priority".equals(field)) {
            return getTranslation("quick.priority");
        }
        return question.indicators().stream().filter(i -> i.code().equals(field)).findFirst()
                .map(i -> i.label(getLocale())).orElse(field);
    }

    Component fieldOf(String field) {
        if ("level".equals(field)) {
            return level;
        }
        if ("note".equals(field)) {
            return note;
        }
        if ("priority".equals(field)) {
            return priority;
        }
        HasValue<?, ?> f = indicators.get(field);
        return f instanceof Component c ? c : null;
    }

    private void clearErrors() {
        for (String field : invalid.keySet()) {
            if (fieldOf(field) instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        }
        invalid.clear();
    }

    /** Carried over from the previous round and not yet confirmed (「変更なし」 or a change). */
    boolean unconfirmed() {
        return answer != null && !answer.confirmed();
    }

    /** Last time's answer beside this time's, and the 「変更なし」 button while the carried-over answer is unconfirmed. */
    private void showConfirmation() {
        previousBox.removeAll();
        RoleAnswerView previous = answer == null ? null : answer.previous();
        previousBox.setVisible(previous != null);
        setClassName("unconfirmed", unconfirmed());
        unconfirmedMark.setVisible(unconfirmed());
        if (previous == null) {
            return;
        }
        String level = previous.level() == null ? getTranslation("quick.previousNone")
                : getTranslation("quick.previousLevel", previous.level());
        Span text = new Span(getTranslation("quick.previous", level
                + (previous.priority() ? getTranslation("quick.previousPriority") : "")));
        text.addClassName("previous-text");
        previousBox.add(text);
        if (unconfirmed() && editable) {
            previousBox.add(unchanged);
        } else if (answer.confirmed()) {
            Span done = new Span(getTranslation("quick.confirmed"));
            done.getElement().getThemeList().add("badge success");
            previousBox.add(done);
        }
    }

    private void updateDetailsSummary() {
        long answered = answer == null ? 0 : answer.indicators().values().stream().filter(java.util.Objects::nonNull).count();
        details.setSummaryText(answered == 0 ? getTranslation("quick.details")
                : getTranslation("quick.detailsCount", answered, question.indicators().size()));
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        level.setReadOnly(!editable);
        priority.setReadOnly(!editable);
        note.setReadOnly(!editable);
        indicators.values().forEach(f -> f.setReadOnly(!editable));
        showConfirmation();
    }
}
