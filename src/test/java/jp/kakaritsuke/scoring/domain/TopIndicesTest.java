package jp.kakaritsuke.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounded-heap selection gives exactly the head of the full ordering, ties by lower index. */
class TopIndicesTest {

    @Test
    void heapSelectionEqualsTheHeadOfAFullSort() {
        Random random = new Random(9);
        for (int round = 0; round < 200; round++) {
            double[] values = new double[50 + random.nextInt(500)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(20) / 4.0; // many ties
            }
            int k = 1 + random.nextInt(20);
            List<Integer> expected = IntStream.range(0, values.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
                    .limit(k).toList();
            assertThat(ScoringModel.topIndices(values, k)).as(Arrays.toString(values)).isEqualTo(expected);
        }
    }
}
