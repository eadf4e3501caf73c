package jp.kakaritsuke.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
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
import jp.kakaritsuke.caselibrary.domain.SourceReference;
import jp.kakaritsuke.caselibrary.ui.CaseLabels;

/**
 * The questions of one role: level with its anchors, indicators, priority, note. Every user change is handed to
 * {@code onChange} at once (autosave); the editor keeps the version to send with the next save.
 */
class RoleEditor extends Div {

    final String roleCode;
    final RoleQuestion question;
    final RadioButtonGroup<Integer> level = new RadioButtonGroup<>();
    final Map<String, HasValue<?, ?>> indicators = new LinkedHashMap<>();
    final Checkbox priority = new Checkbox();
    final TextArea note = new TextArea();
    final Span status = new Span();
    private long version;
    private boolean filling;

    RoleEditor(RoleQuestion question, String roleName, RoleAnswerView answer, boolean editable, Consumer<RoleEditor> onChange) {
        this.roleCode = question.roleCode();
        this.question = question;
        Locale locale = getLocale();
        addClassName("role-editor");
        setId("role-" + roleCode);

        H3 title = new H3(roleName);
        Div help = new Div();
        help.addClassName("role-help");
        help.add(new Paragraph(question.help(locale)));
        if (question.helpSource() != null) {
            Span source = new Span(getTranslation("questionnaire.helpSource", question.helpSource()));
            source.addClassName("source-ref");
            help.add(source);
        }

        level.setLabel(getTranslation("questionnaire.level"));
        level.setItems(IntStream.rangeClosed(0, RoleQuestion.MAX_LEVEL).boxed().toList());
        level.setItemLabelGenerator(l -> getTranslation("questionnaire.levelItem", l, question.levelAnchor(l, locale)));
        level.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        level.setRequiredIndicatorVisible(true);
        add(title, help, level);

        Div indicatorBox = new Div();
        indicatorBox.addClassName("indicators");
        for (Indicator indicator : question.indicators()) {
            indicatorBox.add(indicatorField(indicator, locale));
        }
        add(indicatorBox);

        priority.setLabel(getTranslation("questionnaire.priority"));
        note.setLabel(getTranslation("questionnaire.note"));
        note.setMaxLength(RoleAnswer.MAX_NOTE_LENGTH);
        note.setValueChangeMode(ValueChangeMode.LAZY);
        note.setValueChangeTimeout(800);
        note.setWidthFull();
        status.addClassName("save-status");
        add(priority, note, status);

        setAnswer(answer);
        setEditable(editable);
        List<HasValue<?, ?>> all = new java.util.ArrayList<>(indicators.values());
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
            BigDecimalField number = new BigDecimalField(indicator.label(locale));
            if (indicator.unit(locale) != null) {
                number.setSuffixComponent(new Span(indicator.unit(locale)));
            }
            String range = getTranslation("questionnaire.range", indicator.min(), indicator.max());
            number.setHelperText(indicator.hint(locale) == null ? range : indicator.hint(locale) + " (" + range + ")");
            number.setValueChangeMode(ValueChangeMode.LAZY);
            field = number;
            row.add(number);
        } else {
            RadioButtonGroup<Choice> choice = new RadioButtonGroup<>(indicator.label(locale));
            choice.setItems(Choice.of(indicator.type()));
            choice.setItemLabelGenerator(c -> getTranslation("choice." + c.name()));
            choice.setHelperText(indicator.hint(locale));
            field = choice;
            row.add(choice);
        }
        indicators.put(indicator.code(), field);
        Div refs = new Div();
        refs.addClassName("indicator-refs");
        if (indicator.sourceCase() != null) {
            SourceReference ref = new SourceReference(indicator.sourceCase(), indicator.sourcePractice());
            String target = "cases/" + indicator.sourceCase() + (indicator.sourcePractice() == null ? "" : "#practice-" + indicator.sourcePractice());
            Anchor source = new Anchor(target, getTranslation("questionnaire.indicatorSource", CaseLabels.source(this, ref)));
            source.setTarget("_blank");
            refs.add(source);
        }
        if (indicator.reportItemCode() != null) {
            Span report = new Span(getTranslation("questionnaire.reportItem", indicator.reportItemJa()));
            report.getElement().getThemeList().add("badge");
            refs.add(report);
        }
        row.add(refs);
        return row;
    }

    void setAnswer(RoleAnswerView answer) {
        filling = true;
        try {
            version = answer.version();
            level.setValue(answer.level());
            priority.setValue(answer.priority());
            note.setValue(answer.note() == null ? "" : answer.note());
            for (Indicator indicator : question.indicators()) {
                AnswerValue v = answer.indicators().get(indicator.code());
                setFieldValue(indicator, v);
            }
        } finally {
            filling = false;
        }
    }

    @SuppressWarnings("unchecked")
    private void setFieldValue(Indicator indicator, AnswerValue v) {
        HasValue<?, ?> field = indicators.get(indicator.code());
        if (indicator.type() == AnswerType.NUMBER) {
            ((BigDecimalField) field).setValue(v == null ? null : v.number());
        } else {
            ((RadioButtonGroup<Choice>) field).setValue(v == null ? null : v.choice());
        }
    }

    /**
     * What the user entered; numbers outside the indicator's range are flagged on the field and reported as null
     * (so the caller does not save them).
     */
    @SuppressWarnings("unchecked")
    RoleAnswerInput input() {
        Map<String, AnswerValue> values = new LinkedHashMap<>();
        for (Indicator indicator : question.indicators()) {
            HasValue<?, ?> field = indicators.get(indicator.code());
            if (indicator.type() == AnswerType.NUMBER) {
                BigDecimal n = ((BigDecimalField) field).getValue();
                values.put(indicator.code(), n == null ? null : AnswerValue.of(n));
            } else {
                Choice c = ((RadioButtonGroup<Choice>) field).getValue();
                values.put(indicator.code(), c == null ? null : AnswerValue.of(c));
            }
        }
        return new RoleAnswerInput(level.getValue(), priority.getValue(), note.getValue(), values);
    }

    /** Checks the numbers in the browser's terms before saving; true when all are in range. */
    boolean validateNumbers() {
        boolean ok = true;
        for (Indicator indicator : question.indicators()) {
            if (indicator.type() != AnswerType.NUMBER) {
                continue;
            }
            BigDecimalField field = (BigDecimalField) indicators.get(indicator.code());
            BigDecimal n = field.getValue();
            boolean bad = n != null && ((indicator.min() != null && n.compareTo(BigDecimal.valueOf(indicator.min())) < 0)
                    || (indicator.max() != null && n.compareTo(BigDecimal.valueOf(indicator.max())) > 0) || n.scale() > 2);
            field.setInvalid(bad);
            field.setErrorMessage(bad ? getTranslation("assessment.error.numberRange", indicator.min(), indicator.max()) : null);
            ok &= !bad;
        }
        return ok;
    }

    long version() {
        return version;
    }

    void saved(RoleAnswerView view, String message) {
        version = view.version();
        status.setText(message);
    }

    void setEditable(boolean editable) {
        level.setReadOnly(!editable);
        priority.setReadOnly(!editable);
        note.setReadOnly(!editable);
        indicators.values().forEach(f -> f.setReadOnly(!editable));
    }
}
