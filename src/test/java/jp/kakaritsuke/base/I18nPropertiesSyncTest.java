package jp.kakaritsuke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Like spring-petclinic's test of the same name: fails on a translation missing in one language, on a key used
 * in code but absent from the bundles, and on a user-facing string hard-coded in a view.
 */
class I18nPropertiesSyncTest {

    static final Path MAIN_JAVA = Path.of("src/main/java");
    static final Pattern TRANSLATION_CALL = Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"");
    static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    static final Pattern ENGLISH_WORDS = Pattern.compile("^[A-Z][a-z]+( [a-z]+)+[.!?]?$");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void japaneseAndEnglishHaveTheSameKeysAndNoEmptyValue() throws IOException {
        Properties ja = load("translations.properties");
        Properties en = load("translations_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(ja.stringPropertyNames()));
        ja.forEach((k, v) -> assertThat(v.toString()).as("ja %s", k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en %s", k).isNotBlank());
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Properties ja = load("translations.properties");
        List<String> missing = new ArrayList<>();
        for (Path file : javaSources()) {
            Matcher m = TRANSLATION_CALL.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(1);
                // keys built at run time end with a dot ("category." + name): check the prefix exists
                boolean ok = key.endsWith(".")
                        ? ja.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                        : ja.containsKey(key);
                if (!ok) {
                    missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noHardCodedUserFacingTextInViews() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaSources()) {
            if (!file.toString().contains("/ui/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                    continue;
                }
                Matcher m = STRING_LITERAL.matcher(line);
                while (m.find()) {
                    String literal = m.group(1);
                    if (JAPANESE.matcher(literal).find() || ENGLISH_WORDS.matcher(literal).matches()) {
                        offenders.add(file.getFileName() + ":" + (i + 1) + " \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(offenders).as("user-facing strings belong in vaadin-i18n/translations*.properties").isEmpty();
    }

    static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
