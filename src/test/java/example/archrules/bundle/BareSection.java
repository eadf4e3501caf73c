package example.archrules.bundle;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;

/** Planted: reached by no route and no chunk of its own, so its tabs would be missing from the production bundle. */
class BareSection extends Div {

    BareSection() {
        add(new Tabs(new Tab("a"), new Tab("b")));
    }
}
