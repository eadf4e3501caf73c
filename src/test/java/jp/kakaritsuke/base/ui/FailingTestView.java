package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Test-only page (test classpath only) for {@code ErrorPagesTest}: fails in a way no error page foresees. */
@Route("test/failing")
@PermitAll
public class FailingTestView extends Div implements BeforeEnterObserver {

    static final String SECRET = "connection to db-internal-7.example:3306 refused";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        throw new IllegalStateException(SECRET);
    }
}
