package jp.kakaritsuke.associations.service;

import java.time.Instant;
import jp.kakaritsuke.associations.domain.AssociationRoundRepository;
import jp.kakaritsuke.base.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's history (demo.DemoData: a round opened a month ago): restates when a round opened, so the demo names no
 * table of this module. Exists only where the demo runs (the embedded default with app.demo.enabled); a production
 * instance has no way to move a round's opening (which decides whose submissions count). Administrators only.
 */
@Service
@Profile("!mariadb")
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
public class AssociationRoundBackdating {

    private final AssociationRoundRepository rounds;

    public AssociationRoundBackdating(AssociationRoundRepository rounds) {
        this.rounds = rounds;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void backdate(long roundId, Instant openedAt) {
        if (!rounds.restateOpenedAt(roundId, openedAt)) {
            throw new NotFoundException("round", String.valueOf(roundId));
        }
    }
}
