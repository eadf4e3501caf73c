package jp.kakaritsuke.assessment.service;

import java.time.Instant;
import jp.kakaritsuke.assessment.domain.AssessmentRoundRepository;
import jp.kakaritsuke.base.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's history (demo.DemoData: last year's round): restates when a round happened, through the entity, so the
 * demo names no table of this module. Exists only where the demo runs (the embedded default with app.demo.enabled);
 * a production instance has no way to rewrite when a round was submitted. Administrators only.
 */
@Service
@Profile("!mariadb")
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
public class RoundBackdating {

    private final AssessmentRoundRepository rounds;

    public RoundBackdating(AssessmentRoundRepository rounds) {
        this.rounds = rounds;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void backdate(long roundId, Instant at) {
        rounds.findById(roundId).orElseThrow(() -> new NotFoundException("round", String.valueOf(roundId))).backdate(at);
    }
}
