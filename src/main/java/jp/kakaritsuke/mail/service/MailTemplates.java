package jp.kakaritsuke.mail.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The texts of mails: {@code mail/templates.properties} (Japanese) and {@code mail/templates_en.properties}
 * (English), read once as UTF-8. Placeholders, replaced in one pass over the template (so an argument that happens
 * to contain "{link}" stays as typed): {@code {0}}, {@code {1}}… the message's arguments, {@code {link}} its link,
 * {@code {name}} the recipient's name. Not MessageFormat: apostrophes and braces are just characters.
 */
@Component
class MailTemplates {

    static final String JA = "mail/templates.properties";
    static final String EN = "mail/templates_en.properties";
    /** Between the Japanese and the English part of the body. */
    static final String SEPARATOR = "\n\n---------------- English ----------------\n\n";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2}|link|name)}");

    /** A mail's text: the subject "Japanese / English" and the body, Japanese first. */
    record Rendered(String subject, String body) {
    }

    /** One language's template of a kind, as the properties file holds it. */
    private record Template(String subject, String body) {
    }

    private final Map<MailKind, Template> ja;
    private final Map<MailKind, Template> en;

    MailTemplates() {
        this(JA, EN);
    }

    MailTemplates(String jaResource, String enResource) {
        this.ja = load(jaResource);
        this.en = load(enResource);
    }

    /** Whether both languages have a subject and a body for the kind. */
    boolean has(MailKind kind) {
        return ja.containsKey(kind) && en.containsKey(kind);
    }

    /**
     * The message's text. A template missing, a placeholder without its argument, a link the templates do not show
     * or a {@code {link}} without a link are programming errors, refused here (IllegalArgumentException /
     * IllegalStateException) before anything is stored.
     */
    Rendered render(MailMessage message) {
        Template jaText = ja.get(message.kind());
        Template enText = en.get(message.kind());
        if (jaText == null || enText == null) {
            throw new IllegalStateException("no " + (jaText == null ? "Japanese" : "English") + " template for "
                    + message.kind() + " (mail/templates*.properties: " + message.kind() + ".subject and .body)");
        }
        URI link = message.link();
        if (link != null && (!link.isAbsolute() || !("https".equals(link.getScheme()) || "http".equals(link.getScheme())))) {
            throw new IllegalArgumentException("a mail's link is an absolute http(s) address (base.PublicLinks): " + link);
        }
        if (link != null && !(jaText.body().contains("{link}") && enText.body().contains("{link}"))) {
            throw new IllegalArgumentException(message.kind() + ": the templates' bodies do not show the link");
        }
        if (jaText.subject().contains("{link}") || enText.subject().contains("{link}")) {
            throw new IllegalStateException(message.kind() + ": a link does not belong in the subject");
        }
        String subject = fill(jaText.subject(), message) + " / " + fill(enText.subject(), message);
        String body = fill(jaText.body(), message).strip() + SEPARATOR + fill(enText.body(), message).strip() + "\n";
        // a header is one line whatever the arguments hold
        return new Rendered(subject.replaceAll("[\\r\\n\\t]+", " ").strip(), body.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static String fill(String template, MailMessage message) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String replacement;
            if (key.equals("link")) {
                if (message.link() == null) {
                    throw new IllegalArgumentException(message.kind() + ": the template shows {link} but the message has none");
                }
                replacement = message.link().toString();
            } else if (key.equals("name")) {
                replacement = message.to().name();
            } else {
                int index = Integer.parseInt(key);
                if (index >= message.arguments().size()) {
                    throw new IllegalArgumentException(message.kind() + ": the template uses {" + index + "} but the message has "
                            + message.arguments().size() + " argument(s)");
                }
                replacement = message.arguments().get(index);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<MailKind, Template> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<MailKind, Template> texts = new EnumMap<>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            String subject = properties.getProperty(kind.name() + ".subject");
            String body = properties.getProperty(kind.name() + ".body");
            if (subject != null && body != null) {
                texts.put(kind, new Template(subject, body));
            } else if (subject != null || body != null) {
                throw new IllegalStateException(resource + ": " + kind + " needs both .subject and .body");
            }
        }
        return texts;
    }
}
