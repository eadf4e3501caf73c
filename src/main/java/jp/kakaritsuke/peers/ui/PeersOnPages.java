package jp.kakaritsuke.peers.ui;

import com.vaadin.flow.component.html.Div;
import jp.kakaritsuke.base.ui.extension.PeerExtension;

/** Issue 15 contract: stream C replaces this with the peers section. */
@org.springframework.stereotype.Component
class PeersOnPages implements PeerExtension {

    @Override
    public com.vaadin.flow.component.Component panel(long roundId) {
        return new Div();
    }
}
