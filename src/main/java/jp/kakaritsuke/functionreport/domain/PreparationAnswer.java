package jp.kakaritsuke.functionreport.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A stored answer to one item: {@code choices} for SINGLE_CHOICE (one) and MULTI_CHOICE, {@code number} for NUMBER,
 * {@code text} for TEXT, {@code names} for NAME_LIST. A PREFILLED or CARRIED answer stays unconfirmed until the user
 * confirms or changes it; an ENTERED one is confirmed.
 */
public record PreparationAnswer(String itemCode, List<Integer> choices, BigDecimal number, String text, List<String> names,
                                AnswerOrigin origin, boolean confirmed) {

    public PreparationAnswer {
        choices = choices == null ? List.of() : List.copyOf(choices);
        names = names == null ? List.of() : List.copyOf(names);
    }

    public boolean empty() {
        return choices.isEmpty() && number == null && (text == null || text.isBlank()) && names.isEmpty();
    }
}
