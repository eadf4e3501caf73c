package jp.kakaritsuke.functionreport.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.base.TextRules;
import jp.kakaritsuke.functionreport.domain.AnswerOrigin;
import jp.kakaritsuke.functionreport.domain.No1Check;
import jp.kakaritsuke.functionreport.domain.PreparationAnswer;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.domain.ReportItem;

/**
 * The one rule for a preparation's answers, shared by the page (to mark a field before sending), the API and the
 * service (which applies it again on every change). Errors are {@link FieldError}s whose field is the item code and
 * whose key is {@code functionreport.error.*}.
 * <ul>
 * <li>The item must be in the edition.</li>
 * <li>SINGLE_CHOICE: exactly one of the item's codes. MULTI_CHOICE: the item's codes, each once; a choice marked
 * exclusive (0:該当無し) only alone. Stored ascending.</li>
 * <li>NUMBER: read by {@link NumberInput} (全角, 1,234, IME minus); within min/max; at most {@code decimals} places.
 * More places are refused, not truncated: the manual tells the facility to truncate 常勤換算 below the first decimal
 * place, and the message says so with the truncated value, so the number stored is the one the person typed and will
 * type into G-MIS.</li>
 * <li>TEXT: at most {@value #MAX_TEXT} characters; line breaks allowed, no line starting like a spreadsheet formula,
 * no invisible characters ({@link TextRules}). Trimmed; CR LF become LF.</li>
 * <li>NAME_LIST: at most {@value #MAX_NAMES} names, each 1–{@value #MAX_NAME} characters after trimming, passing
 * {@link TextRules}, no name twice. Blank entries (an empty last row of the form) are dropped, not refused.</li>
 * <li>An item asked only after another item's choice ({@code dependsOnItem}/{@code dependsOnChoice}, e.g. 常勤換算
 * after 総合診療専門医 有り) may not be answered while that choice is not given — judged on the answers as they will
 * stand after the whole request. When a change takes the controlling choice away, the dependent answer is cleared by
 * the service ({@link #unasked}), since it no longer means anything.</li>
 * </ul>
 * All-empty input clears the item.
 */
public final class PreparationAnswerValidator {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 200;
    public static final int MAX_NAMES = 20;

    private PreparationAnswerValidator() {
    }

    /** An answer checked and normalised; {@link #empty()} clears the item. */
    public record Checked(List<Integer> choices, BigDecimal number, String text, List<String> names) {
        public Checked {
            choices = choices == null ? List.of() : List.copyOf(choices);
            names = names == null ? List.of() : List.copyOf(names);
        }

        public boolean empty() {
            return choices.isEmpty() && number == null && text == null && names.isEmpty();
        }

        static Checked none() {
            return new Checked(List.of(), null, null, List.of());
        }
    }

    /**
     * Checks a request against the edition and the answers already stored: the normalised answers by item code (in
     * the request's order), or {@link FieldErrors} listing every problem (then nothing may be stored).
     */
    public static Map<String, Checked> check(ReportEdition edition, Map<String, PreparationAnswer> current,
                                             Map<String, AnswerInput> input) {
        List<FieldError> problems = new ArrayList<>();
        Map<String, Checked> checked = new LinkedHashMap<>();
        input.forEach((code, answer) -> {
            Optional<ReportItem> item = code == null ? Optional.empty() : edition.item(code);
            if (item.isEmpty()) {
                problems.add(FieldError.of(String.valueOf(code), "functionreport.error.unknownItem", String.valueOf(code)));
                return;
            }
            List<FieldError> own = new ArrayList<>();
            Checked c = check(item.get(), answer == null ? new AnswerInput(null, null, null, null) : answer, own);
            problems.addAll(own);
            if (own.isEmpty()) {
                checked.put(code, c);
            }
        });
        if (problems.isEmpty()) {
            Map<String, PreparationAnswer> after = merged(current, checked);
            checked.forEach((code, c) -> {
                ReportItem item = edition.item(code).orElseThrow();
                if (!c.empty() && !No1Check.asked(item, after)) {
                    ReportItem controlling = edition.item(item.dependsOnItem()).orElse(null);
                    // codes for any language, the Japanese wording for the Japanese message
                    problems.add(FieldError.of(code, "functionreport.error.dependsOn", item.dependsOnItem(),
                            String.valueOf(item.dependsOnChoice()),
                            controlling == null ? item.dependsOnItem() : label(controlling),
                            choiceLabel(controlling, item.dependsOnChoice())));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new FieldErrors(problems);
        }
        return checked;
    }

    /** The problems of a request, empty when it may be saved (for the page, before it sends). */
    public static List<FieldError> problems(ReportEdition edition, Map<String, PreparationAnswer> current,
                                            Map<String, AnswerInput> input) {
        try {
            check(edition, current, input);
            return List.of();
        } catch (FieldErrors e) {
            return e.errors();
        }
    }

    /** Whether a stored answer (last year's, or one pre-filled) is still a valid answer to this edition's item. */
    public static boolean stillValid(ReportItem item, PreparationAnswer answer) {
        List<FieldError> own = new ArrayList<>();
        String number = answer.number() == null ? null : answer.number().toPlainString();
        check(item, new AnswerInput(answer.choices(), number, answer.text(), answer.names()), own);
        return own.isEmpty();
    }

    /** The answered items no longer asked because their controlling choice is not given (to be cleared). */
    public static List<String> unasked(ReportEdition edition, Map<String, PreparationAnswer> answers) {
        return edition.items().stream()
                .filter(i -> answers.containsKey(i.code()) && !No1Check.asked(i, answers))
                .map(ReportItem::code).toList();
    }

    /** One item's answer alone (no dependency): the normalised value, problems added to {@code problems}. */
    public static Checked check(ReportItem item, AnswerInput input, List<FieldError> problems) {
        String code = item.code();
        boolean hasChoices = !input.choices().isEmpty();
        boolean hasNumber = input.number() != null && !input.number().isBlank();
        boolean hasText = input.text() != null && !input.text().isBlank();
        boolean hasNames = input.names().stream().anyMatch(n -> n != null && !n.isBlank());
        if (!hasChoices && !hasNumber && !hasText && !hasNames) {
            return Checked.none();
        }
        boolean wrongKind = switch (item.type()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> hasNumber || hasText || hasNames;
            case NUMBER -> hasChoices || hasText || hasNames;
            case TEXT -> hasChoices || hasNumber || hasNames;
            case NAME_LIST -> hasChoices || hasNumber || hasText;
        };
        if (wrongKind) {
            problems.add(FieldError.of(code, "functionreport.error.kind"));
            return Checked.none();
        }
        return switch (item.type()) {
            case SINGLE_CHOICE -> single(item, input.choices(), problems);
            case MULTI_CHOICE -> multi(item, input.choices(), problems);
            case NUMBER -> number(item, input.number(), problems);
            case TEXT -> text(item, input.text(), problems);
            case NAME_LIST -> names(item, input.names(), problems);
        };
    }

    private static Checked single(ReportItem item, List<Integer> choices, List<FieldError> problems) {
        if (choices.size() != 1) {
            problems.add(FieldError.of(item.code(), "functionreport.error.singleChoice"));
            return Checked.none();
        }
        Integer c = choices.getFirst();
        if (c == null || item.choice(c).isEmpty()) {
            problems.add(FieldError.of(item.code(), "functionreport.error.choice", String.valueOf(c)));
            return Checked.none();
        }
        return new Checked(List.of(c), null, null, null);
    }

    private static Checked multi(ReportItem item, List<Integer> choices, List<FieldError> problems) {
        int before = problems.size();
        Set<Integer> seen = new HashSet<>();
        for (Integer c : choices) {
            if (c == null || item.choice(c).isEmpty()) {
                problems.add(FieldError.of(item.code(), "functionreport.error.choice", String.valueOf(c)));
            } else if (!seen.add(c)) {
                problems.add(FieldError.of(item.code(), "functionreport.error.duplicateChoice", String.valueOf(c)));
            }
        }
        if (problems.size() == before && choices.size() > 1) {
            choices.stream().map(c -> item.choice(c).orElseThrow()).filter(ReportChoice::exclusive).findFirst()
                    .ifPresent(ex -> problems.add(FieldError.of(item.code(), "functionreport.error.exclusive",
                            ex.code(), ex.code() + ":" + ex.labelJa())));
        }
        if (problems.size() != before) {
            return Checked.none();
        }
        return new Checked(choices.stream().sorted().toList(), null, null, null);
    }

    private static Checked number(ReportItem item, String typed, List<FieldError> problems) {
        if (!(NumberInput.parse(typed) instanceof NumberInput.Valid valid)) {
            problems.add(FieldError.of(item.code(), "functionreport.error.number", typed.strip()));
            return Checked.none();
        }
        BigDecimal n = valid.value();
        BigDecimal min = item.min() == null ? BigDecimal.ZERO : item.min();
        if (n.compareTo(min) < 0 || (item.max() != null && n.compareTo(item.max()) > 0)) {
            problems.add(item.max() == null
                    ? FieldError.of(item.code(), "functionreport.error.min", NumberInput.format(min))
                    : FieldError.of(item.code(), "functionreport.error.range", NumberInput.format(min), NumberInput.format(item.max())));
            return Checked.none();
        }
        int decimals = Math.max(0, item.decimals());
        if (n.scale() > decimals) {
            String truncated = NumberInput.format(n.setScale(decimals, RoundingMode.DOWN));
            problems.add(decimals == 0
                    ? FieldError.of(item.code(), "functionreport.error.integer", truncated)
                    : FieldError.of(item.code(), "functionreport.error.decimals", decimals, decimals + 1, truncated));
            return Checked.none();
        }
        return new Checked(null, n, null, null);
    }

    private static Checked text(ReportItem item, String typed, List<FieldError> problems) {
        String text = typed.strip().replace("\r\n", "\n").replace('\r', '\n');
        int before = problems.size();
        if (text.length() > MAX_TEXT) {
            problems.add(FieldError.of(item.code(), "functionreport.error.textLength", MAX_TEXT));
        }
        // line breaks are allowed in free text; TextRules' two rules apply to every line
        if (text.lines().anyMatch(TextRules::startsLikeFormula)) {
            problems.add(FieldError.of(item.code(), "functionreport.error.textFormula"));
        }
        if (TextRules.hasInvisibleCharacters(text.replace('\n', ' '))) {
            problems.add(FieldError.of(item.code(), "functionreport.error.textInvisible"));
        }
        return problems.size() == before ? new Checked(null, null, text, null) : Checked.none();
    }

    private static Checked names(ReportItem item, List<String> typed, List<FieldError> problems) {
        int before = problems.size();
        List<String> names = typed.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        if (names.size() > MAX_NAMES) {
            problems.add(FieldError.of(item.code(), "functionreport.error.nameCount", MAX_NAMES));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.length() > MAX_NAME) {
                problems.add(FieldError.of(item.code(), "functionreport.error.nameLength", MAX_NAME, shorten(name)));
            }
            for (String key : TextRules.problems("functionreport.error.name", name)) {
                problems.add(FieldError.of(item.code(), key, shorten(name)));
            }
            if (!seen.add(name)) {
                problems.add(FieldError.of(item.code(), "functionreport.error.duplicateName", shorten(name)));
            }
        }
        return problems.size() == before ? new Checked(null, null, null, names) : Checked.none();
    }

    /** The answers as they will stand after the request (for the dependency rule). */
    static Map<String, PreparationAnswer> merged(Map<String, PreparationAnswer> current, Map<String, Checked> checked) {
        Map<String, PreparationAnswer> after = new LinkedHashMap<>(current);
        checked.forEach((code, c) -> {
            if (c.empty()) {
                after.remove(code);
            } else {
                after.put(code, new PreparationAnswer(code, c.choices(), c.number(), c.text(), c.names(), AnswerOrigin.ENTERED, true));
            }
        });
        return after;
    }

    private static String label(ReportItem item) {
        return (item.itemNo() == null ? "" : "No." + item.itemNo() + " ") + item.wordingJa();
    }

    private static String choiceLabel(ReportItem item, Integer code) {
        if (code == null) {
            return "";
        }
        return item == null ? String.valueOf(code) : item.choice(code).map(c -> c.code() + ":" + c.labelJa()).orElse(String.valueOf(code));
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
