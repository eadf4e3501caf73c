package jp.kakaritsuke.functionreport.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of {@code report_preparation_answer}: the choices as the report numbers them (a comma list, ascending), a
 * number, a text; the names of a NAME_LIST item are rows of {@code report_preparation_name} ({@link PreparationName}).
 */
@Embeddable
public class StoredAnswer {

    @Column(name = "choice_codes", length = 200)
    private String choiceCodes;

    @Column(name = "number_value", precision = 14, scale = 1)
    private BigDecimal numberValue;

    @Column(name = "text_value", length = 2000)
    private String textValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, length = 20)
    private AnswerOrigin origin;

    @Column(name = "confirmed", nullable = false)
    private boolean confirmed;

    @Column(name = "prefilled_from", length = 300)
    private String prefilledFrom;

    protected StoredAnswer() {
    }

    StoredAnswer(List<Integer> choices, BigDecimal number, String text, AnswerOrigin origin, boolean confirmed,
                 String prefilledFrom) {
        this.choiceCodes = choices == null || choices.isEmpty() ? null
                : choices.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        this.numberValue = number;
        this.textValue = text;
        this.origin = origin;
        this.confirmed = confirmed;
        this.prefilledFrom = prefilledFrom;
    }

    public List<Integer> choices() {
        return choiceCodes == null || choiceCodes.isBlank() ? List.of()
                : Arrays.stream(choiceCodes.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    public BigDecimal number() {
        return numberValue;
    }

    public String text() {
        return textValue;
    }

    public AnswerOrigin origin() {
        return origin;
    }

    public boolean confirmed() {
        return confirmed;
    }

    public String prefilledFrom() {
        return prefilledFrom;
    }

    void confirm() {
        this.confirmed = true;
    }
}
