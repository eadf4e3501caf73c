package jp.kakaritsuke.identity.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jp.kakaritsuke.base.ui.Accessibility;
import jp.kakaritsuke.identity.service.LoginThrottle;
import org.springframework.security.web.WebAttributes;

/** The login page. Spring Security handles the POST to /login; a failed attempt comes back with ?error. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        addClassName("login-view");
        // this page has no MainLayout: it is its own main landmark (issue 11, docs/accessibility.md)
        getElement().setAttribute("role", "main");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        // 「パスワードを忘れた場合」: a one-time link by mail (issue 13, forgot-password)
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        form.setAction("login");

        add(new H1(getTranslation("app.title")), new Paragraph(getTranslation("login.intro")), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean error = parameters.containsKey("error");
        if (parameters.containsKey("expired")) {
            // the login was posted from a page whose session had expired (LoginCsrfFailureHandler): nothing was checked
            i18n.getErrorMessage().setTitle(getTranslation("login.expired.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.expired.message"));
            form.setI18n(i18n);
            error = true;
        } else if (error) {
            // Spring's failure handler leaves the exception in the session: a throttled login gets its own message
            String key = switch (lastException() instanceof LoginThrottle.LoginRefusedException refused ? refused.reason() : null) {
                case ACCOUNT_LOCKED -> "login.locked";
                case ADDRESS_BLOCKED -> "login.addressBlocked";
                case null -> "login.error";
            };
            i18n.getErrorMessage().setTitle(getTranslation(key + ".title"));
            i18n.getErrorMessage().setMessage(getTranslation(key + ".message"));
            form.setI18n(i18n);
        }
        form.setError(error);
        Accessibility.markConnectionIndicator(event.getUI());
    }

    private static Object lastException() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.title");
    }
}
