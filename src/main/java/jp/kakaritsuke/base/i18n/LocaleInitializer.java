package jp.kakaritsuke.base.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every UI starts in Japanese unless the user chose English (remembered in a cookie), whatever the
 * browser's Accept-Language says: the product's users work in Japanese.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String COOKIE = "kkf-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> uiEvent.getUI().setLocale(chosenLocale(VaadinRequest.getCurrent())));
    }

    static Locale chosenLocale(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return AppI18NProvider.JAPANESE;
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .map(Locale::forLanguageTag)
                .map(AppI18NProvider::supported)
                .orElse(AppI18NProvider.JAPANESE);
    }
}
