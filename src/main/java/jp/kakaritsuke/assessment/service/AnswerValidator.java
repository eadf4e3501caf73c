package jp.kakaritsuke.assessment.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.IndicatorValue;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleAnswer;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.FieldErrors.FieldError;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.NumberInput;
import jp.kakaritsuke.caselibrary.domain.RoleCode;

/**
 * The assessment's one set of input rules, applied by the services to what the questionnaire view and the API send
 * alike (neither checks on its own). A role code must name a role of the round's questionnaire ({@link #role(String)}
 * reads the API's path; {@link #question} checks the version). One role's input is read into storable values, or
 * refused field by field: a typed number ({@link AnswerValue#text}) is read with {@link NumberInput}; a number must
 * lie within the indicator's min–max with at most 2 decimals; a choice must be one the indicator offers. Any refused
 * field refuses the whole role: nothing is written, and the caller's screen keeps what was typed. A round is
 * submitted only when {@link RoundView#complete()} (the review's button follows the same rule).
 */
public final class AnswerValidator {

    static final String LEVEL = "level";
    static final String NOTE = "note";
    private static final String UNKNOWN_ROLE = "assessment.error.unknownRole";

    private AnswerValidator() {
    }

    /** A role code as a client sent it (the API's path); refused like a role the questionnaire lacks. */
    public static RoleCode role(String code) {
        return RoleCode.parse(code).orElseThrow(() -> new InvalidInputException(List.of(UNKNOWN_ROLE)));
    }

    /** The role's question in this questionnaire; a role it lacks is refused. */
    static RoleQuestion question(Questionnaire questionnaire, RoleCode role) {
        return questionnaire.role(role).orElseThrow(() -> new InvalidInputException(List.of(UNKNOWN_ROLE)));
    }

    /** Refuses a round that is not complete, naming the roles without a level and the unconfirmed ones. */
    static void requireComplete(RoundView round) {
        if (!round.complete()) {
            throw new SubmitIncompleteException(round.missingLevels(), round.unconfirmed());
        }
    }

    static Map<String, IndicatorValue> validate(RoleQuestion question, RoleAnswerInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.level() != null && (input.level() < 0 || input.level() > RoleQuestion.MAX_LEVEL)) {
            errors.add(FieldError.of(LEVEL, "assessment.error.level"));
        }
        if (input.note() != null && input.note().length() > RoleAnswer.MAX_NOTE_LENGTH) {
            errors.add(FieldError.of(NOTE, "assessment.error.note", RoleAnswer.MAX_NOTE_LENGTH));
        }
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        Map<String, AnswerValue> given = input.indicators() == null ? Map.of() : input.indicators();
        for (Map.Entry<String, AnswerValue> e : given.entrySet()) {
            Indicator indicator = question.indicators().stream().filter(i -> i.code().equals(e.getKey())).findFirst().orElse(null);
            if (indicator == null) {
                errors.add(FieldError.of(String.valueOf(e.getKey()), "assessment.error.unknownIndicator"));
                continue;
            }
            AnswerValue v = e.getValue();
            if (v == null || v.isEmpty()) {
                continue;
            }
            switch (indicator.type()) {
                case NUMBER -> number(indicator, v, values, errors);
                case YES_NO, REPORT_SCALE, REPORT_FREQUENCY, OUT_OF_HOURS_FEE -> {
                    Choice c = v.choice();
                    if (v.number() != null || v.text() != null || c == null || !indicator.choices().contains(c)) {
                        errors.add(FieldError.of(indicator.code(), "assessment.error.choice"));
                    } else {
                        values.put(indicator.code(), IndicatorValue.choice(c));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        return values;
    }

    /**
     * Whether a stored value is still a valid answer to the indicator (carry-over into a later version): a choice the
     * indicator offers, or a number within its range. The same rule as a save, so a carried answer always saves again.
     */
    static boolean accepts(Indicator indicator, IndicatorValue value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        try {
            Map<String, IndicatorValue> read = validate(new RoleQuestion(indicator.roleCode(), 0, 0, "", "", null,
                    List.of(), List.of(), List.of(indicator)), new RoleAnswerInput(null, false, null,
                    Map.of(indicator.code(), new AnswerValue(value.getNumber(), value.getChoice()))));
            return read.containsKey(indicator.code());
        } catch (FieldErrors refused) {
            return false;
        }
    }

    private static void number(Indicator indicator, AnswerValue v, Map<String, IndicatorValue> values,
                               List<FieldError> errors) {
        if (v.choice() != null) {
            errors.add(FieldError.of(indicator.code(), "assessment.error.notANumber"));
            return;
        }
        BigDecimal n = v.number();
        if (n == null) {
            switch (NumberInput.parse(v.text())) {
                case NumberInput.Empty empty -> {
                    return;
                }
                case NumberInput.NotANumber nan -> {
                    errors.add(FieldError.of(indicator.code(), "assessment.error.notANumber"));
                    return;
                }
                case NumberInput.Valid valid -> n = valid.value();
            }
        }
        n = n.stripTrailingZeros();
        if (n.scale() < 0) {
            n = n.setScale(0);
        }
        if (n.scale() > 2
                || (indicator.min() != null && n.compareTo(BigDecimal.valueOf(indicator.min())) < 0)
                || (indicator.max() != null && n.compareTo(BigDecimal.valueOf(indicator.max())) > 0)) {
            errors.add(FieldError.of(indicator.code(), "assessment.error.numberRange",
                    indicator.min() == null ? 0 : indicator.min(), indicator.max() == null ? "" : indicator.max()));
            return;
        }
        values.put(indicator.code(), IndicatorValue.number(n));
    }
}
