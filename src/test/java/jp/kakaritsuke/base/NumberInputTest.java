package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "３|3", "１２|12", "1,200|1200", "１，２００|1200", "' ３．５ '|3.5", "3.50|3.5", "12　|12", "−2|-2",
            "0|0", "100|100", "2.25|2.25", "1e3|", "+3|", "three|", "3.4.5|", "１２件|"})
    void readsWhatPeopleType(String typed, String expected) {
        NumberInput.Parsed parsed = NumberInput.parse(typed);
        if (expected == null) {
            assertThat(parsed).isInstanceOf(NumberInput.NotANumber.class);
        } else {
            assertThat(parsed).isEqualTo(new NumberInput.Valid(new BigDecimal(expected)));
        }
    }

    @Test
    void blankIsEmpty() {
        assertThat(NumberInput.parse("  ")).isInstanceOf(NumberInput.Empty.class);
        assertThat(NumberInput.parse(null)).isInstanceOf(NumberInput.Empty.class);
    }

    @Test
    void showsNumbersWithoutTrailingZeros() {
        assertThat(NumberInput.format(new BigDecimal("3.00"))).isEqualTo("3");
        assertThat(NumberInput.format(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(NumberInput.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
