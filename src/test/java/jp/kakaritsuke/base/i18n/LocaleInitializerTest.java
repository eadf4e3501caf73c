package jp.kakaritsuke.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocaleInitializerTest {

    @Test
    void japaneseUnlessTheUserChoseEnglish() {
        assertThat(LocaleInitializer.chosenLocale(null)).isEqualTo(Locale.JAPANESE);
        assertThat(LocaleInitializer.chosenLocale(request())).isEqualTo(Locale.JAPANESE);
        assertThat(LocaleInitializer.chosenLocale(request(new Cookie("kkf-lang", "en")))).isEqualTo(Locale.ENGLISH);
        assertThat(LocaleInitializer.chosenLocale(request(new Cookie("kkf-lang", "fr")))).isEqualTo(Locale.JAPANESE);
        assertThat(LocaleInitializer.chosenLocale(request(new Cookie("other", "en")))).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void translationsFormatParametersAndFlagMissingKeys() {
        AppI18NProvider provider = new AppI18NProvider();
        assertThat(provider.getTranslation("matrix.count", Locale.JAPANESE, 19)).isEqualTo("19件");
        assertThat(provider.getTranslation("matrix.count", Locale.ENGLISH, 19)).isEqualTo("19 cases");
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    private static VaadinRequest request(Cookie... cookies) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getCookies()).thenReturn(cookies);
        return request;
    }
}
