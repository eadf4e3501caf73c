package jp.kakaritsuke.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** The answer to one indicator: a number, or a choice (はい/いいえ, or the report's three-step scale). */
@Embeddable
public class IndicatorValue {

    @Column(name = "number_value", precision = 12, scale = 2)
    private BigDecimal number;

    @Enumerated(EnumType.STRING)
    @Column(name = "choice_value", length = 40)
    private Choice choice;

    protected IndicatorValue() {
    }

    public IndicatorValue(BigDecimal number, Choice choice) {
        this.number = number;
        this.choice = choice;
    }

    public static IndicatorValue number(BigDecimal value) {
        return new IndicatorValue(value, null);
    }

    public static IndicatorValue choice(Choice choice) {
        return new IndicatorValue(null, choice);
    }

    public BigDecimal getNumber() {
        return number;
    }

    public Choice getChoice() {
        return choice;
    }

    public boolean isEmpty() {
        return number == null && choice == null;
    }
}
