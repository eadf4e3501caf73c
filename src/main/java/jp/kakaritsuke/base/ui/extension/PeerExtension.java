package jp.kakaritsuke.base.ui.extension;

import com.vaadin.flow.component.Component;

/**
 * "How do we compare?" on the assessment's result page: the round among its peers (default, own and recommended
 * groups) and the facility's benchmarking consent; the peers module implements it.
 */
public interface PeerExtension {

    /** The peers section for a submitted round. */
    Component panel(long roundId);
}
