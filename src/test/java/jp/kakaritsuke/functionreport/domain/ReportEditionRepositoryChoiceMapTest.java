package jp.kakaritsuke.functionreport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stored choice map of a pre-fill rule ("A=0,B=1") as the repository reads it. */
class ReportEditionRepositoryChoiceMapTest {

    @Test
    void pairsInTheStoredOrderWithSpacesIgnored() {
        assertThat(ReportEditionRepository.choiceMap(" NONE_NO_INTENT=0, NONE_WITH_INTENT = 1,PROVIDED=2 "))
                .containsExactly(java.util.Map.entry("NONE_NO_INTENT", 0), java.util.Map.entry("NONE_WITH_INTENT", 1),
                        java.util.Map.entry("PROVIDED", 2));
    }

    @Test
    void aMalformedEntryIsRefusedRatherThanDropped() {
        assertThatThrownBy(() -> ReportEditionRepository.choiceMap("A=0,B")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B");
        assertThatThrownBy(() -> ReportEditionRepository.choiceMap("=1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ReportEditionRepository.choiceMap("A=x")).isInstanceOf(NumberFormatException.class);
    }
}
