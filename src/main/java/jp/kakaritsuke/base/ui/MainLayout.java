package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;

/**
 * The frame around every logged-in page: navigation, language switch, user and logout. Navigation targets are
 * route paths, not view classes, so that the base module does not depend on the features.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");
        // on a phone the navbar is narrow: the title keeps one line and gives way (…) instead of standing one
        // character per line, and the controls keep their size (inline styles: no frontend bundle change)
        title.getStyle().set("min-width", "0").set("overflow", "hidden").set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");

        Select<Locale> language = new Select<>();
        language.setItems(AppI18NProvider.JAPANESE, AppI18NProvider.ENGLISH);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(AppI18NProvider.supported(getLocale()));
        language.setAriaLabel(getTranslation("language.label"));
        language.setWidth("7.5em");
        language.getStyle().set("flex-shrink", "0");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchLanguage(e.getValue());
            }
        });

        HorizontalLayout user = new HorizontalLayout();
        user.setAlignItems(FlexComponent.Alignment.CENTER);
        user.getStyle().set("flex-shrink", "0");
        authentication.getPrincipalName().ifPresent(name -> {
            Span principal = new Span(name);
            principal.getStyle().set("max-width", "8em").set("overflow", "hidden").set("text-overflow", "ellipsis")
                    .set("white-space", "nowrap");
            user.add(principal);
        });
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        user.add(logout);

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, language, user);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(title);
        navbar.addClassName("app-navbar");
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.assessment"), "assessment", VaadinIcon.CLIPBOARD_CHECK.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.matrix"), "", VaadinIcon.TABLE.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.practices"), "practices", VaadinIcon.SEARCH.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.survey"), "survey", VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.associations"), "associations", VaadinIcon.GROUP.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.apiTokens"), "account/api-tokens", VaadinIcon.KEY.create()));
        if (authentication.hasRole("ADMIN")) {
            // only a shortcut: the view and its service check the role themselves
            nav.addItem(new SideNavItem(getTranslation("nav.facilities"), "admin/facilities", VaadinIcon.HOSPITAL.create()));
            // association administrators reach their part of the log from the associations page
            nav.addItem(new SideNavItem(getTranslation("nav.audit"), "audit", VaadinIcon.RECORDS.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.lockedAccounts"), "admin/locked-accounts", VaadinIcon.LOCK.create()));
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private void switchLanguage(Locale locale) {
        Cookie cookie = new Cookie("kkf-lang", locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        if (VaadinService.getCurrentResponse() != null) {
            VaadinService.getCurrentResponse().addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(locale);
        ui.getPage().reload();
    }
}
