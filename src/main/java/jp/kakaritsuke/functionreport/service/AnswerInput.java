package jp.kakaritsuke.functionreport.service;

import java.util.List;

/**
 * An answer as typed, from the page or the API: {@code choices} (SINGLE_CHOICE: one; MULTI_CHOICE: any),
 * {@code number} as typed (the {@code base.NumberInput} rule: 全角, 1,234, IME minus), {@code text}, {@code names}.
 * All null/empty clears the answer. Checked by the one rule of {@code PreparationAnswerValidator} (FieldErrors with the
 * item code as the field).
 */
public record AnswerInput(List<Integer> choices, String number, String text, List<String> names) {

    public AnswerInput {
        choices = choices == null ? List.of() : List.copyOf(choices);
        names = names == null ? List.of() : List.copyOf(names);
    }

    public static AnswerInput choice(int code) {
        return new AnswerInput(List.of(code), null, null, null);
    }

    public static AnswerInput number(String typed) {
        return new AnswerInput(null, typed, null, null);
    }
}
