package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the app writes as CSV it also reads back: commas, quotes and newlines inside values survive. */
class CsvTest {

    @Test
    void writtenRowsParseBackUnchanged() {
        List<List<String>> rows = List.of(List.of("施設名", "連絡先"), List.of("柏西口病院, 分院", "院長 \"博多\"\n一郎"), List.of("", "x"));
        byte[] bytes = Csv.write(rows);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"施設名\",\"連絡先\"\r\n");
        assertThat(Csv.parse(text.substring(1))).isEqualTo(rows);
    }

    @Test
    void readingStopsAtTheFirstLimitCrossed() {
        Csv.Limits limits = new Csv.Limits(3, 4, 20);
        assertThat(Csv.parse("a,b\nc,d\ne,f\n", limits)).hasSize(3);
        // five million line breaks would be five million records: reading stops at the fourth
        var rows = org.assertj.core.api.Assertions.catchThrowableOfType(Csv.LimitExceededException.class,
                () -> Csv.parse("\n".repeat(5_000_000), limits));
        assertThat(rows.kind()).isEqualTo(Csv.LimitExceededException.Kind.RECORDS);
        assertThat(rows.records()).isEqualTo(4);
        var fields = org.assertj.core.api.Assertions.catchThrowableOfType(Csv.LimitExceededException.class,
                () -> Csv.parse("a,b\n" + ",".repeat(1_000_000), new Csv.Limits(3, 4, Integer.MAX_VALUE)));
        assertThat(fields.kind()).isEqualTo(Csv.LimitExceededException.Kind.FIELDS);
        assertThat(fields.records()).isEqualTo(2);
        var length = org.assertj.core.api.Assertions.catchThrowableOfType(Csv.LimitExceededException.class,
                () -> Csv.parse("\"" + "x".repeat(100) + "\"", limits));
        assertThat(length.kind()).isEqualTo(Csv.LimitExceededException.Kind.RECORD_LENGTH);
        assertThat(Csv.parse("\"" + "x".repeat(17) + "\"", limits)).containsExactly(List.of("x".repeat(17)));
    }
}
