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
import org.springframework.security.access.AccessDeniedException;

/**
 * What a page shows when its service refuses the caller (a bookmark to another association's rollup, a facility one
 * has left): a plain sentence and a way back, instead of an error trace. The refusal itself comes from the service.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("access-denied");
        add(new H2(getTranslation("error.accessDenied.title")), new Paragraph(getTranslation("error.accessDenied.text")),
                new Anchor("start", getTranslation("error.accessDenied.back")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
