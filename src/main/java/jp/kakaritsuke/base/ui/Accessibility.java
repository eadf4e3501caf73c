package jp.kakaritsuke.base.ui;

import com.vaadin.flow.component.UI;

/** Small accessibility fixes shared by the layout and the pages without it (docs/accessibility.md). */
public final class Accessibility {

    private Accessibility() {
    }

    /**
     * Vaadin's connection indicator ("接続が切れました" and the loading bar) is added to the body by the client,
     * outside every landmark; as a status region it is announced when it changes and is no stray page content
     * (axe's region rule).
     */
    public static void markConnectionIndicator(UI ui) {
        ui.getPage().executeJs("""
                const mark = () => {
                  const indicator = document.querySelector('vaadin-connection-indicator');
                  if (indicator) { indicator.setAttribute('role', 'status'); return true; }
                  return false;
                };
                if (!mark()) { setTimeout(mark, 200); }""");
    }
}
