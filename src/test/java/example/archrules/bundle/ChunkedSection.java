package example.archrules.bundle;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Route;

/** Planted: its own chunk of the production bundle, as an extension's component must be. */
@Route(value = "chunk/planted-section", registerAtStartup = false)
class ChunkedSection extends Div {

    ChunkedSection() {
        add(new Tabs(new Tab("a"), new Tab("b")));
    }
}
