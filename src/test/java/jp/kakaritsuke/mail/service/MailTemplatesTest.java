package jp.kakaritsuke.mail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import jp.kakaritsuke.base.EmailAddress;
import org.junit.jupiter.api.Test;

/**
 * The real templates (src/main/resources/mail), whatever kinds they hold: each kind in both languages, the link in
 * both bodies or in neither and never in a subject, nothing left unreplaced once rendered. (The languages may use
 * different arguments: a role's Japanese name in one, its English name in the other.)
 */
class MailTemplatesTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2}|link|name)}");

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MailTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void bothLanguagesHaveTheSameKindsAndTheLinkInBothOrNeither() throws IOException {
        Properties ja = load(MailTemplates.JA);
        Properties en = load(MailTemplates.EN);
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(ja.stringPropertyNames()));
        for (String key : ja.stringPropertyNames()) {
            assertThat(key).as("keys are <KIND>.subject or <KIND>.body").matches("[A-Z_]+\\.(subject|body)");
            assertThat(MailKind.valueOf(key.substring(0, key.indexOf('.')))).isNotNull();
            assertThat(ja.getProperty(key)).as("ja %s", key).isNotBlank();
            assertThat(placeholders(en.getProperty(key)).contains("link")).as("{link} in both or neither: %s", key)
                    .isEqualTo(placeholders(ja.getProperty(key)).contains("link"));
            if (key.endsWith(".subject")) {
                assertThat(ja.getProperty(key)).as(key).doesNotContain("{link}").doesNotContain("\n");
            }
        }
    }

    @Test
    void everyKindPresentRendersCompletely() throws IOException {
        Properties ja = load(MailTemplates.JA);
        Properties en = load(MailTemplates.EN);
        MailTemplates templates = new MailTemplates();
        for (MailKind kind : MailKind.values()) {
            if (!templates.has(kind)) {
                continue;
            }
            String body = ja.getProperty(kind + ".body");
            int arguments = placeholders(ja.getProperty(kind + ".subject") + body + en.getProperty(kind + ".subject")
                    + en.getProperty(kind + ".body")).stream()
                    .filter(p -> p.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(-1) + 1;
            URI link = body.contains("{link}") ? URI.create("https://kkf.example.jp/x/LINK") : null;
            MailTemplates.Rendered text = templates.render(new MailMessage(kind,
                    MailRecipient.of(EmailAddress.parse("t@example.jp").orElseThrow(), "テスト 太郎"),
                    IntStream.range(0, arguments).mapToObj(i -> "«" + i + "»").toList(), link, null, null));
            assertThat(text.subject()).as(kind.name()).contains(" / ").doesNotContainPattern(PLACEHOLDER);
            assertThat(text.body()).as(kind.name()).doesNotContainPattern(PLACEHOLDER).contains(MailTemplates.SEPARATOR);
            if (link != null) {
                assertThat(text.body().split("https://kkf.example.jp/x/LINK", -1)).as("the link in both languages").hasSize(3);
            }
        }
    }
}
