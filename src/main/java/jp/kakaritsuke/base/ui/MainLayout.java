package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import jp.kakaritsuke.base.i18n.AppI18NProvider;

/**
 * The frame around every logged-in page: navigation, language switch, user and logout. Navigation targets are
 * route paths, not view classes, so that the base module does not depend on the features.
 *
 * <p>Accessibility and place (issue 11, docs/accessibility.md), done here once so that every view inherits them:
 * the navbar is a {@code header} (banner), the side navigation is a navigation landmark of its own, and the routed
 * view sits in a {@code main} whose first child is the page's one {@code h1} (visually hidden: the views keep their
 * visible H2 titles; its text is the view's title without the application name). After each navigation the
 * content opens at its top, or at the element named by the address's {@code #fragment}.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String MAIN_ID = "main-content";

    /**
     * Runs in the browser after each navigation, with {@code this} the app layout. AppLayout scrolls its content
     * part, not the document, and keeps that position from one view to the next; and the browser's own jump to
     * {@code #fragment} happened before Vaadin rendered the view. So: scroll to the fragment's element once it
     * exists (views may add it a moment later), else to the top.
     */
    private static final String PLACE_SCRIPT = """
            const layout = this;
            const content = layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
            const toTop = () => {
              if (content) content.scrollTop = 0;
              if (document.scrollingElement) document.scrollingElement.scrollTop = 0;
            };
            toTop();
            // On navigation inside the application the router may update the address (with its #fragment) only
            // after this runs: wait until the address shows the new path ($0), then read the fragment.
            const path = '/' + $0;
            let waited = 0;
            const whenAddressUpdated = () => {
              let current = location.pathname;
              try { current = decodeURI(current); } catch (e) { /* keep it encoded */ }
              if (current.endsWith(path) || current.endsWith(path + '/') || waited++ > 40) {
                let id = '';
                try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ''; }
                if (id) { scrollToId(id); }
              } else {
                setTimeout(whenAddressUpdated, 50);
              }
            };
            const scrollToId = (id) => {
              // the page settles for a moment after the first render (styles, fonts, web components), which moves
              // the target again: repeat the scroll a few times, unless the reader has started to scroll
              let readerMoved = false;
              for (const type of ['wheel', 'touchmove', 'keydown', 'mousedown']) {
                (content || document).addEventListener(type, () => { readerMoved = true; }, {once: true, passive: true});
              }
              let tries = 0;
              const find = () => {
                const target = document.getElementById(id);
                if (target && layout.contains(target)) {
                  for (const delay of [0, 100, 300, 700, 1500]) {
                    setTimeout(() => { if (!readerMoved) target.scrollIntoView({block: 'start'}); }, delay);
                  }
                } else if (tries++ < 40) {
                  setTimeout(find, 50);
                }
              };
              find();
            };
            whenAddressUpdated();""";

    private final Main main = new Main();
    private final H1 pageHeading = new H1();

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
        language.addClassName("layout-language");
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
            principal.addClassName("layout-principal");
            principal.getStyle().set("max-width", "8em").set("overflow", "hidden").set("text-overflow", "ellipsis")
                    .set("white-space", "nowrap");
            user.add(principal);
        });
        // on a phone only the icon shows (app.css); the accessible name stays the word
        Button logout = new Button(VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        Span logoutLabel = new Span(getTranslation("nav.logout"));
        logoutLabel.addClassName("layout-logout-label");
        logout.getElement().appendChild(logoutLabel.getElement());
        logout.setAriaLabel(getTranslation("nav.logout"));
        logout.setTooltipText(getTranslation("nav.logout"));
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("layout-logout");
        user.add(logout);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        HorizontalLayout navbar = new HorizontalLayout(toggle, title, language, user);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(title);
        navbar.addClassName("app-navbar");
        Header header = new Header(navbar);
        header.getElement().insertChild(0, skipLink());
        header.addClassName("layout-header");
        header.setWidthFull();
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.assessment"), "assessment", VaadinIcon.CLIPBOARD_CHECK.create()));
        // the page itself says what applies (no facility, an association, a viewer): base cannot ask about facilities
        nav.addItem(new SideNavItem(getTranslation("nav.reportPreparation"), "report-preparation", VaadinIcon.FILE_TEXT_O.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.matrix"), "", VaadinIcon.TABLE.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.practices"), "practices", VaadinIcon.SEARCH.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.survey"), "survey", VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.associations"), "associations", VaadinIcon.GROUP.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.account"), "account", VaadinIcon.USER.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.apiTokens"), "account/api-tokens", VaadinIcon.KEY.create()));
        if (authentication.hasRole("ADMIN")) {
            // only a shortcut: the view and its service check the role themselves
            nav.addItem(new SideNavItem(getTranslation("nav.facilities"), "admin/facilities", VaadinIcon.HOSPITAL.create()));
            // association administrators reach their part of the log from the associations page
            nav.addItem(new SideNavItem(getTranslation("nav.audit"), "audit", VaadinIcon.RECORDS.create()));
            // every account (disable, force a reset, unlock); the list of locked ones is linked from there (issue 13)
            nav.addItem(new SideNavItem(getTranslation("accountsAdmin.nav"), "admin/accounts", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.outbox"), "admin/outbox", VaadinIcon.ENVELOPE_O.create()));
        }
        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);

        pageHeading.addClassName("layout-visually-hidden");
        pageHeading.setId("page-heading");
        main.setId(MAIN_ID);
        main.addClassName("layout-main");
        // focusable by script only: the skip link moves the focus here
        main.getElement().setAttribute("tabindex", "-1");
        main.getElement().setAttribute("aria-labelledby", "page-heading");
        main.add(pageHeading);
        setContent(main);
    }

    /**
     * "Skip to the content": the first thing the keyboard reaches; visible only while it has the focus (app.css).
     * A bare element, not an {@code Anchor} component, so that views' tests looking for their own links do not
     * find it.
     */
    private Element skipLink() {
        Element skip = new Element("a");
        skip.setAttribute("href", "#" + MAIN_ID);
        skip.setAttribute("class", "layout-skip-link");
        skip.setText(getTranslation("layout.skipToContent"));
        // The page has <base href>, so a bare "#main-content" would navigate to the application's root:
        // move the focus in place instead.
        skip.executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const main = document.getElementById($0);
                  if (main) { main.focus(); main.scrollIntoView({block: 'start'}); }
                });""", MAIN_ID);
        return skip;
    }

    /** The routed view goes inside {@code main}, after the page heading, instead of replacing the content. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getChildren().filter(c -> c != pageHeading).toList().forEach(main::remove);
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        if (oldContent != null && oldContent.getElement().getParent() == main.getElement()) {
            main.getElement().removeChild(oldContent.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component view = event.getActiveChain().isEmpty() ? null : (Component) event.getActiveChain().getFirst();
        pageHeading.setText(pageTitle(view));
        getElement().executeJs(PLACE_SCRIPT, event.getLocation().getPath());
        getUI().ifPresent(Accessibility::markConnectionIndicator);
    }

    /** The view's title without the application name it carries for the browser tab ("事例マトリクス | …"). */
    private String pageTitle(Component view) {
        String appTitle = getTranslation("app.title");
        String title = null;
        if (view instanceof HasDynamicTitle dynamic) {
            title = dynamic.getPageTitle();
        } else if (view != null && view.getClass().isAnnotationPresent(PageTitle.class)) {
            title = view.getClass().getAnnotation(PageTitle.class).value();
        }
        if (title == null || title.isBlank()) {
            return appTitle;
        }
        String suffix = " | " + appTitle;
        title = title.endsWith(suffix) ? title.substring(0, title.length() - suffix.length()) : title;
        return title.isBlank() ? appTitle : title.strip();
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
