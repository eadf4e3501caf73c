package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A malformed address: the same page as "not found" (the user cannot do more with either), but HTTP 400. */
@ParentLayout(MainLayout.class)
@PermitAll
public class InvalidAddressView extends VerticalLayout implements HasErrorParameter<InvalidAddressException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<InvalidAddressException> parameter) {
        NotFoundView.show(this);
        return HttpServletResponse.SC_BAD_REQUEST;
    }
}
