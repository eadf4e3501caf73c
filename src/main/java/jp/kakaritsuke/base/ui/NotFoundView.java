package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import jp.kakaritsuke.base.NotFoundException;

/**
 * What a page shows when its service finds nothing under the id in the address (a deleted round, a mistyped
 * bookmark): the same plain sentence as for an address that matches no page at all, never the exception's text.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** Shared with {@link RouteNotFoundView}: one wording for "nothing here", whichever layer noticed. */
    static void show(VerticalLayout view) {
        view.removeAll();
        view.addClassName("not-found");
        view.add(new H2(view.getTranslation("error.notFound.title")), new Paragraph(view.getTranslation("error.notFound.text")),
                new Anchor("start", view.getTranslation("error.accessDenied.back")));
    }
}
