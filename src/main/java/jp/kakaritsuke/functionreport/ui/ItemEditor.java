package jp.kakaritsuke.functionreport.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.GmisPrefill;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.AnswerInput;

/**
 * One item of the report as a card: its number as the report prints it (or 「番号未確認」), the report's wording and
 * choices, the period with its dates, what G-MIS fills in, what is unconfirmed in the source, the crosswalk to the
 * roles (ours), where a pre-filled or carried answer came from with 「変更なし」, and the save state. Every user change
 * goes to {@code onChange} at once (autosave, like the questionnaire's role cards); what the service refuses stays in
 * the field, marked, and the card says 「保存されていません」.
 */
class ItemEditor extends Div {

    /** Anchor of an item's card: {@code #item-NO1-POSTING} (a dot would need escaping in CSS selectors). */
    static String anchorOf(String itemCode) {
        return "item-" + itemCode.replace('.', '-');
    }

    /**
     * Marks the card 「保存中…」 in the browser the moment a value changes, before the server answers; the server's
     * answer (saved, refused) takes the mark off. A change that never reaches the server loses it after 10 s.
     */
    private static final String SAVING_SCRIPT = """
            const root = this, status = $0;
            if (root.__prepSaving) return;
            root.__prepSaving = true;
            const mark = () => {
              status.setAttribute('saving', '');
              clearTimeout(status.__prepTimer);
              status.__prepTimer = setTimeout(() => status.removeAttribute('saving'), 10000);
            };
            root.addEventListener('change', e => { if (!e.target.closest || !e.target.closest('vaadin-button')) mark(); });
            root.querySelectorAll('vaadin-text-area').forEach(t => t.addEventListener('input', mark));""";

    final ReportItem item;
    final String anchor;
    RadioButtonGroup<ReportChoice> single;
    CheckboxGroup<ReportChoice> multi;
    TextField number;
    TextArea text;
    NameListEditor names;
    final Div status = new Div();
    final Span savedText = new Span();
    final Span savingText = new Span();
    final Span unconfirmedMark = new Span();
    final Div originBox = new Div();
    final Button unchanged = new Button();
    final Button retry = new Button();
    /** Fields the service refused (field → message), kept until the item saves. */
    final Map<String, String> invalid = new LinkedHashMap<>();
    private final Locale locale;
    private PreparationAnswer answer;
    private String prefilledFrom;
    private Integer carriedFromYear;
    private boolean unconfirmed;
    private boolean unsaved;
    private boolean filling;
    private boolean editable;

    /**
     * @param periodText the period with its dates, or null when the item has none
     * @param roleNames  the roles the crosswalk links to the item (its own links and its function's)
     */
    ItemEditor(ReportItem item, Locale locale, String periodText, List<String> roleNames,
               Consumer<ItemEditor> onChange, Consumer<ItemEditor> onConfirm) {
        this.item = item;
        this.locale = locale;
        this.anchor = anchorOf(item.code());
        setId(anchor);
        addClassName("prep-item");
        getElement().setAttribute("data-item", item.code());

        Div head = new Div();
        head.addClassName("prep-item-head");
        Span no = new Span(item.itemNo() == null ? getTranslation("prep.item.noUnknown")
                : getTranslation("prep.item.no", item.itemNo()));
        no.getElement().getThemeList().add(item.itemNo() == null ? "badge contrast" : "badge");
        no.addClassName("prep-item-no");
        head.add(no);
        if (item.requiredForNo1()) {
            Span star = new Span(getTranslation("prep.item.requiredForNo1"));
            star.getElement().getThemeList().add("badge success");
            star.addClassName("prep-item-star");
            head.add(star);
        }
        if (item.gmis() == GmisPrefill.NDB) {
            Span gmis = new Span(getTranslation("prep.item.gmisBadge"));
            gmis.getElement().getThemeList().add("badge contrast");
            gmis.addClassName("prep-item-gmis");
            head.add(gmis);
        }
        if (!item.confirmed()) {
            Span notInSource = new Span(getTranslation("prep.item.unconfirmedInSource"));
            notInSource.getElement().getThemeList().add("badge warning");
            notInSource.addClassName("prep-item-unconfirmed-source");
            head.add(notInSource);
        }
        unconfirmedMark.setText(getTranslation("prep.item.unconfirmedAnswer"));
        unconfirmedMark.getElement().getThemeList().add("badge error");
        unconfirmedMark.addClassName("prep-item-unconfirmed");
        head.add(unconfirmedMark);
        add(head);

        Div meta = new Div();
        meta.addClassName("prep-item-meta");
        if (periodText != null) {
            meta.add(line(periodText, "prep-item-period"));
        }
        if (item.gmis() == GmisPrefill.NDB) {
            meta.add(line(getTranslation("prep.item.gmisNdb"), "prep-item-gmis-note"));
        } else if (item.gmis() == GmisPrefill.UNCONFIRMED) {
            meta.add(line(getTranslation("prep.item.gmisUnconfirmed"), "prep-item-gmis-note"));
        }
        if (item.help(locale) != null && !item.help(locale).isBlank()) {
            meta.add(line(item.help(locale), "prep-item-help"));
        }
        if (!item.confirmed() && item.unconfirmedNote() != null) {
            meta.add(line(getTranslation("prep.item.unconfirmedNote", item.unconfirmedNote()), "prep-item-unconfirmed-note"));
        }
        if (!roleNames.isEmpty()) {
            String roles = String.join(getTranslation("prep.item.roleSeparator"), roleNames.stream()
                    .map(r -> getTranslation("prep.item.roleQuoted", r)).toList());
            meta.add(line(getTranslation("prep.item.crosswalk", roles), "prep-item-crosswalk"));
        }
        if (item.source() != null && !item.source().isBlank()) {
            meta.add(line(getTranslation("prep.item.source", item.source()), "prep-item-source"));
        }

        Div field = new Div();
        field.addClassName("prep-item-field");
        String wording = item.wording(locale);
        switch (item.type()) {
            case SINGLE_CHOICE -> {
                single = new RadioButtonGroup<>(wording);
                single.setItems(item.choices());
                single.setItemLabelGenerator(this::choiceLabel);
                single.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                single.addClassName("prep-single");
                single.addValueChangeListener(e -> {
                    if (!filling && e.isFromClient()) {
                        onChange.accept(this);
                    }
                });
                field.add(single);
            }
            case MULTI_CHOICE -> {
                multi = new CheckboxGroup<>(wording);
                multi.setItems(item.choices());
                multi.setItemLabelGenerator(this::choiceLabel);
                multi.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                multi.addClassName("prep-multi");
                if (item.choices().stream().anyMatch(ReportChoice::exclusive)) {
                    multi.setHelperText(getTranslation("prep.item.exclusive", item.choices().stream()
                            .filter(ReportChoice::exclusive).map(this::choiceLabel).findFirst().orElse("")));
                }
                // every value set from here is set while filling: any other change is the user's (the group's
                // checkboxes report a click as a server-side change)
                multi.addValueChangeListener(e -> {
                    if (filling) {
                        return;
                    }
                    Set<ReportChoice> adjusted = exclusiveRule(e.getOldValue(), e.getValue());
                    if (!adjusted.equals(e.getValue())) {
                        filling = true;
                        try {
                            multi.setValue(adjusted);
                        } finally {
                            filling = false;
                        }
                    }
                    onChange.accept(this);
                });
                field.add(multi);
            }
            case NUMBER -> {
                // a text field: the service reads it with NumberInput, so 「１．５」 and 「1,200」 are numbers
                number = new TextField(wording);
                number.setHelperText(numberHelp());
                number.setValueChangeMode(ValueChangeMode.ON_CHANGE);
                number.addClassName("prep-number");
                number.addValueChangeListener(e -> {
                    if (!filling && e.isFromClient()) {
                        onChange.accept(this);
                    }
                });
                field.add(number);
            }
            case TEXT -> {
                text = new TextArea(wording);
                text.setMaxLength(2000);
                text.setValueChangeMode(ValueChangeMode.LAZY);
                text.setValueChangeTimeout(800);
                text.addClassName("prep-text");
                text.addValueChangeListener(e -> {
                    if (!filling && e.isFromClient()) {
                        onChange.accept(this);
                    }
                });
                field.add(text);
            }
            case NAME_LIST -> {
                names = new NameListEditor(anchor, wording, () -> {
                    if (!filling) {
                        onChange.accept(this);
                    }
                });
                field.add(names);
            }
        }
        // the number badge sits outside the field's label: the accessible name carries it too (「No.4 総合診療専門医」),
        // so a screen reader user hears which item of the report this is
        field.getChildren().filter(com.vaadin.flow.component.HasAriaLabel.class::isInstance)
                .map(com.vaadin.flow.component.HasAriaLabel.class::cast)
                .forEach(f -> f.setAriaLabel(itemLabel()));
        add(field, meta);

        originBox.addClassName("prep-item-origin");
        unchanged.setText(getTranslation("prep.item.unchanged"));
        unchanged.setAriaLabel(getTranslation("prep.item.unchangedFor", itemLabel()));
        unchanged.addThemeVariants(ButtonVariant.LUMO_SMALL);
        unchanged.addClassName("prep-unchanged");
        unchanged.addClickListener(e -> onConfirm.accept(this));
        add(originBox);

        status.addClassName("prep-item-status");
        status.getElement().setAttribute("aria-live", "polite");
        savedText.addClassName("prep-saved");
        savingText.addClassName("prep-saving");
        savingText.setText(getTranslation("prep.saving"));
        retry.setText(getTranslation("prep.retry"));
        retry.setAriaLabel(getTranslation("prep.retryFor", itemLabel()));
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        retry.addClassName("prep-retry");
        retry.setVisible(false);
        retry.addClickListener(e -> onChange.accept(this));
        status.add(savedText, savingText, retry);
        add(status);
        addAttachListener(e -> getElement().executeJs(SAVING_SCRIPT, status.getElement()));
    }

    private static Paragraph line(String text, String className) {
        Paragraph p = new Paragraph(text);
        p.addClassName(className);
        return p;
    }

    /** The report's own numbering with the label: 「2: 有り」. */
    String choiceLabel(ReportChoice c) {
        String label = english() && c.labelEn() != null ? c.labelEn() : c.labelJa();
        return getTranslation("prep.item.choice", String.valueOf(c.code()), label);
    }

    private boolean english() {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** How the item is named in buttons, links and lists: 「No.4 総合診療専門医」. */
    String itemLabel() {
        String no = item.itemNo() == null ? getTranslation("prep.item.noUnknown") : getTranslation("prep.item.no", item.itemNo());
        return no + " " + item.wording(locale);
    }

    private String numberHelp() {
        String places = item.decimals() <= 0 ? getTranslation("prep.number.whole")
                : getTranslation("prep.number.decimals", item.decimals());
        if (item.min() != null && item.max() != null) {
            return getTranslation("prep.number.range", NumberInput.format(item.min()), NumberInput.format(item.max()), places);
        }
        return places;
    }

    /**
     * The exclusive choice (0:該当無し) stands alone: choosing it clears the others, choosing another clears it.
     * Package-visible for tests.
     */
    static Set<ReportChoice> exclusiveRule(Set<ReportChoice> before, Set<ReportChoice> now) {
        Set<ReportChoice> added = new LinkedHashSet<>(now);
        added.removeAll(before);
        ReportChoice addedExclusive = added.stream().filter(ReportChoice::exclusive).findFirst().orElse(null);
        if (addedExclusive != null) {
            return Set.of(addedExclusive);
        }
        if (!added.isEmpty() && now.stream().anyMatch(ReportChoice::exclusive)) {
            Set<ReportChoice> without = new LinkedHashSet<>(now);
            without.removeIf(ReportChoice::exclusive);
            return without;
        }
        return now;
    }

    /** Shows the stored answer; a field the user has typed differently is set only where it differs. */
    void setAnswer(PreparationAnswer answer, String prefilledFrom, Integer carriedFromYear, boolean unconfirmed) {
        rebase(answer, prefilledFrom, carriedFromYear, unconfirmed);
        fill(answer);
        clearErrors();
        unsaved = false;
        retry.setVisible(false);
        status.removeClassName("not-saved");
    }

    /** The stored answer changes underneath (another person saved), the field keeps what the user typed. */
    void rebase(PreparationAnswer answer, String prefilledFrom, Integer carriedFromYear, boolean unconfirmed) {
        this.answer = answer;
        this.prefilledFrom = prefilledFrom;
        this.carriedFromYear = carriedFromYear;
        this.unconfirmed = unconfirmed;
        showOrigin();
    }

    private void fill(PreparationAnswer a) {
        filling = true;
        try {
            switch (item.type()) {
                case SINGLE_CHOICE -> {
                    ReportChoice c = a == null || a.choices().isEmpty() ? null : item.choice(a.choices().getFirst()).orElse(null);
                    if (!Objects.equals(single.getValue(), c)) {
                        single.setValue(c);
                    }
                }
                case MULTI_CHOICE -> {
                    Set<ReportChoice> cs = new LinkedHashSet<>();
                    if (a != null) {
                        a.choices().forEach(code -> item.choice(code).ifPresent(cs::add));
                    }
                    if (!cs.equals(multi.getValue())) {
                        multi.setValue(cs);
                    }
                }
                case NUMBER -> {
                    String shown = a == null ? "" : NumberInput.format(a.number());
                    if (!shown.equals(number.getValue())) {
                        number.setValue(shown);
                    }
                }
                case TEXT -> {
                    String shown = a == null || a.text() == null ? "" : a.text();
                    if (!shown.equals(text.getValue())) {
                        text.setValue(shown);
                    }
                }
                case NAME_LIST -> {
                    List<String> stored = a == null ? List.of() : a.names();
                    if (!stored.equals(names.names()) || names.rows.size() != stored.size()) {
                        names.setNames(stored);
                    }
                }
            }
        } finally {
            filling = false;
        }
    }

    /** What the user entered; numbers as typed (the service reads them with NumberInput). All empty clears. */
    AnswerInput input() {
        return switch (item.type()) {
            case SINGLE_CHOICE -> new AnswerInput(single.getValue() == null ? List.of() : List.of(single.getValue().code()),
                    null, null, null);
            case MULTI_CHOICE -> new AnswerInput(multi.getValue().stream().map(ReportChoice::code).sorted().toList(),
                    null, null, null);
            case NUMBER -> new AnswerInput(null, number.getValue() == null || number.getValue().isBlank() ? null : number.getValue(),
                    null, null);
            case TEXT -> new AnswerInput(null, null, text.getValue() == null || text.getValue().isBlank() ? null : text.getValue(),
                    null);
            case NAME_LIST -> new AnswerInput(null, null, null, names.names());
        };
    }

    /** What the user entered, for the conflict notice and the lists: the choices' labels, the number, the names. */
    String describeInput() {
        AnswerInput in = input();
        return switch (item.type()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> String.join(getTranslation("prep.item.roleSeparator"),
                    in.choices().stream().map(code -> item.choice(code).map(this::choiceLabel).orElse(String.valueOf(code))).toList());
            case NUMBER -> in.number() == null ? "" : in.number();
            case TEXT -> in.text() == null ? "" : in.text();
            case NAME_LIST -> String.join(getTranslation("prep.item.roleSeparator"), in.names());
        };
    }

    PreparationAnswer answer() {
        return answer;
    }

    /** Saved: the answer as stored (a typed 「１．５」 shows as 1.5), refusals gone, the time. */
    void saved(PreparationAnswer stored, String prefilledFrom, Integer carriedFromYear, boolean unconfirmed, String message) {
        setAnswer(stored, prefilledFrom, carriedFromYear, unconfirmed);
        savedText.setText(message);
        doneSaving();
    }

    /** The service refused the item: each message on its field (or the item's), the typed value kept. */
    void refused(List<FieldError> errors, String statusText) {
        clearErrors();
        for (FieldError error : errors) {
            String message = getTranslation(error.messageKey(), error.args().toArray());
            invalid.put(error.field(), message);
            if (names != null) {
                names.setInvalid(message, rowOf(error.field()));
            } else if (fieldComponent() instanceof HasValidation v) {
                v.setInvalid(true);
                v.setErrorMessage(message);
            }
        }
        notSaved(statusText);
    }

    /** 「NO2A.PARTNERS[2]」 or 「NO2A.PARTNERS.2」: the row a refusal names (1-based), if it names one. */
    private Integer rowOf(String field) {
        if (field == null || !field.startsWith(item.code()) || field.length() == item.code().length()) {
            return null;
        }
        String rest = field.substring(item.code().length()).replaceAll("[^0-9]", "");
        try {
            return rest.isEmpty() ? null : Integer.parseInt(rest) + (field.contains("[") ? 1 : 0);
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    /** Not saved for a reason shown elsewhere (a conflict, a notification): the card says so, with 「もう一度保存」. */
    void notSaved(String statusText) {
        unsaved = true;
        savedText.setText(statusText);
        status.addClassName("not-saved");
        retry.setVisible(editable);
        doneSaving();
    }

    private void doneSaving() {
        status.getElement().executeJs("this.removeAttribute('saving')");
    }

    boolean hasUnsavedInput() {
        return unsaved || !invalid.isEmpty();
    }

    Component fieldComponent() {
        return switch (item.type()) {
            case SINGLE_CHOICE -> single;
            case MULTI_CHOICE -> multi;
            case NUMBER -> number;
            case TEXT -> text;
            case NAME_LIST -> names;
        };
    }

    private void clearErrors() {
        invalid.clear();
        if (names != null) {
            names.setInvalid(null);
        } else if (fieldComponent() instanceof HasValidation v) {
            v.setInvalid(false);
            v.setErrorMessage(null);
        }
    }

    boolean unconfirmed() {
        return unconfirmed;
    }

    /** Where a pre-filled or carried answer came from, 「変更なし」 while unconfirmed, 「確認済み」 after. */
    private void showOrigin() {
        originBox.removeAll();
        setClassName("unconfirmed", unconfirmed);
        unconfirmedMark.setVisible(unconfirmed);
        AnswerOrigin origin = answer == null ? null : answer.origin();
        if (origin == null || origin == AnswerOrigin.ENTERED) {
            originBox.setVisible(false);
            return;
        }
        originBox.setVisible(true);
        Span what;
        if (origin == AnswerOrigin.PREFILLED) {
            what = new Span(prefilledFrom == null ? getTranslation("prep.origin.prefilled")
                    : getTranslation("prep.origin.prefilledFrom", prefilledFrom));
            what.addClassName("prep-origin-prefilled");
        } else {
            what = new Span(carriedFromYear == null ? getTranslation("prep.origin.carried")
                    : getTranslation("prep.origin.carriedFrom", String.valueOf(carriedFromYear)));
            what.addClassName("prep-origin-carried");
        }
        what.getElement().getThemeList().add("badge");
        originBox.add(what);
        if (unconfirmed && editable) {
            originBox.add(unchanged);
        } else if (!unconfirmed) {
            Span done = new Span(getTranslation("prep.item.confirmed"));
            done.getElement().getThemeList().add("badge success");
            originBox.add(done);
        }
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        switch (item.type()) {
            case SINGLE_CHOICE -> single.setReadOnly(!editable);
            case MULTI_CHOICE -> multi.setReadOnly(!editable);
            case NUMBER -> number.setReadOnly(!editable);
            case TEXT -> text.setReadOnly(!editable);
            case NAME_LIST -> names.setReadOnly(!editable);
        }
        retry.setVisible(editable && unsaved);
        showOrigin();
    }

    /** For sorting links in the report's order. */
    static final Comparator<ItemEditor> REPORT_ORDER = Comparator.comparing((ItemEditor e) -> e.item.function())
            .thenComparingInt(e -> e.item.seq());
}
