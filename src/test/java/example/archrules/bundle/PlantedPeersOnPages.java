package example.archrules.bundle;

import com.vaadin.flow.component.Component;
import jp.kakaritsuke.base.ui.extension.PeerExtension;

/**
 * A planted extension implementation for ProductionBundleTest: it hands one section that is its own chunk of the
 * production bundle and one that is not (the rule must name {@link BareSection} only).
 */
class PlantedPeersOnPages implements PeerExtension {

    @Override
    public Component panel(long roundId) {
        return roundId % 2 == 0 ? new ChunkedSection() : new BareSection();
    }
}
