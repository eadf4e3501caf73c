package jp.kakaritsuke.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Japanese first, English selectable. The bundle {@code vaadin-i18n/translations.properties} is Japanese;
 * {@code translations_en.properties} is English. A missing key shows as {@code !key!} so it is noticed.
 */
@Component
public class AppI18NProvider implements I18NProvider {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "vaadin-i18n.translations";

    // Without this control a JVM default locale of en would make ja requests fall back to _en.
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(JAPANESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return translate(locale, key, params);
    }

    /** What {@link #getTranslation} answers, for code outside a component (services, shared labels). */
    public static String translate(@Nullable Locale locale, String key, Object... params) {
        try {
            String pattern = bundle(locale).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public static ResourceBundle bundle(@Nullable Locale locale) {
        Locale effective = locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, effective, NO_FALLBACK);
    }

    /** The locale we support that is closest to the one asked for; Japanese unless English is asked for. */
    public static Locale supported(@Nullable Locale requested) {
        return requested != null && ENGLISH.getLanguage().equals(requested.getLanguage()) ? ENGLISH : JAPANESE;
    }
}
