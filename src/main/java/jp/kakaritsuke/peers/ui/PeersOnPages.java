package jp.kakaritsuke.peers.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.base.TimeFormat;
import jp.kakaritsuke.base.ui.extension.PeerExtension;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import jp.kakaritsuke.peers.service.PeerService;

/** The peers section on the result page of a submitted round (「同じような施設との比較」). */
@org.springframework.stereotype.Component
class PeersOnPages implements PeerExtension {

    private final PeerService peers;
    private final RoundService rounds;
    private final CaseLibraryService caseLibrary;
    private final DateTimeFormatter time;

    PeersOnPages(PeerService peers, RoundService rounds, CaseLibraryService caseLibrary, Clock clock) {
        this.time = TimeFormat.MINUTE.in(clock);
        this.peers = peers;
        this.rounds = rounds;
        this.caseLibrary = caseLibrary;
    }

    @Override
    public com.vaadin.flow.component.Component panel(long roundId) {
        // the consent is the facility's: the round says whose it is (read with the round's own access check)
        long facilityId = rounds.round(roundId).summary().facilityId();
        return new PeersSection(peers, roundId, facilityId, caseLibrary.library(), time);
    }
}
