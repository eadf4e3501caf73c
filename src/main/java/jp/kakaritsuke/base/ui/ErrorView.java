package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import jp.kakaritsuke.base.web.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's InternalServerError, which prints the exception's class and message (and in development the
 * stack trace): a page failed for a reason we did not foresee. The user sees a plain sentence and a short reference;
 * the log has the same reference with the exception, so a support call can find it without the page showing internals.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.next();
        log.error("Page {} failed, reference {}", event.getLocation().getPath(), reference, parameter.getCaughtException());
        removeAll();
        addClassName("error-page");
        Span ref = new Span(reference);
        ref.addClassName("error-reference");
        add(new H2(getTranslation("error.unexpected.title")), new Paragraph(getTranslation("error.unexpected.text")),
                new Paragraph(new Span(getTranslation("error.unexpected.reference") + " "), ref),
                new Anchor("start", getTranslation("error.accessDenied.back")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
