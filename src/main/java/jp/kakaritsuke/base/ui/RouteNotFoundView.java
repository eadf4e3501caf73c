package jp.kakaritsuke.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Replaces Vaadin's English RouteNotFoundError: an address that matches no page, or whose parameter is not of the
 * page's type ({@code assessment/round/abc}, {@code 1e3}, {@code %00}: Vaadin's router refuses those before any view
 * sees them). Also what a logged-in user sees for a page they may not open, so the two cannot be told apart.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class RouteNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        NotFoundView.show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
