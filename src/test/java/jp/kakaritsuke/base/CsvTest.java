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
}
