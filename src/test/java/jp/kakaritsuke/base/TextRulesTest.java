package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for text reaching spreadsheets and for names, and the CSV writer applying it whatever it is given. */
class TextRulesTest {

    @Test
    void everyFormulaStartIsRecognised() {
        for (String s : List.of("=1+1", "+1", "-2+3+cmd|' /C calc'!A0", "-HYPERLINK(\"http://evil.example\",\"連絡\")",
                "@SUM(A1)", "\t=1", "\r=1", "\n=1", "＝1+1", "＋1", "－1", "＠a", "  =1", "\u3000-1")) {
            assertThat(TextRules.startsLikeFormula(s)).as(s).isTrue();
            assertThat(TextRules.neutralise(s)).as(s).isEqualTo("'" + s);
        }
        for (String s : List.of("", "柏西口クリニック", "a=b", "医療法人社団 -", "山田 太郎", "info@example.jp", "2026-12-01")) {
            assertThat(TextRules.startsLikeFormula(s)).as(s).isFalse();
            assertThat(TextRules.neutralise(s)).isEqualTo(s);
        }
        assertThat(TextRules.startsLikeFormula(null)).isFalse();
    }

    @Test
    void invisibleAndControlCharactersAreRecognised() {
        for (String s : List.of("柏\u0000クリニック", "abc\u202Egpj.exe", "\u202A", "\u202B", "\u202C", "\u202D", "\u2066x",
                "\u2067", "\u2068", "\u2069", "a\u200Bb", "a\u200Fb", "\uFEFFa", "a\u0007", "a\u0085", "a\u2028b", "a\tb", "a\nb",
                "a\uD800b")) {
            assertThat(TextRules.hasInvisibleCharacters(s)).as("U+%04X", (int) s.chars().filter(c -> c > 0x7e || c < 0x20).findFirst().orElse(0)).isTrue();
        }
        for (String s : List.of("", "髙橋 𠮷野家クリニック", "医療法人（社団）", "Dr. O'Brien", "\uE000外字", "ｶﾅ", "①")) {
            assertThat(TextRules.hasInvisibleCharacters(s)).as(s).isFalse();
        }
    }

    @Test
    void problemsNameTheFieldsKeys() {
        assertThat(TextRules.problems("facility.error.name", "-\u202Eabc")).containsExactly("facility.error.nameFormula",
                "facility.error.nameInvisible");
        assertThat(TextRules.problems("facility.error.name", "柏クリニック")).isEmpty();
    }

    @Test
    void theCsvWriterNeutralisesFormulasWhateverItIsGiven() {
        String text = new String(Csv.write(List.of(List.of("-2+3+cmd|' /C calc'!A0", "=1", "@x", "+1", "\tx", "ok"))),
                StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFF\"'-2+3+cmd|' /C calc'!A0\",\"'=1\",\"'@x\",\"'+1\",\"'\tx\",\"ok\"\r\n");
        for (String cell : Csv.parse(text.substring(1)).getFirst()) {
            assertThat(TextRules.startsLikeFormula(cell)).as(cell).isFalse();
        }
    }
}
