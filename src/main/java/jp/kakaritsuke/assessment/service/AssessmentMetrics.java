package jp.kakaritsuke.assessment.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The assessment's counters for the metrics endpoint (docs/operations.md). Saves and submissions count once their
 * transaction committed: the figure is what was durably kept, not what was tried.
 */
@Component
class AssessmentMetrics {

    private final Counter autosaves;
    private final Counter submissions;
    private final Counter conflicts;

    AssessmentMetrics(MeterRegistry registry) {
        autosaves = Counter.builder("kkf.assessment.autosaves")
                .description("Role answers saved (autosave and 変更なし), after commit").register(registry);
        submissions = Counter.builder("kkf.assessment.submissions")
                .description("Rounds submitted, after commit").register(registry);
        conflicts = Counter.builder("kkf.assessment.conflicts")
                .description("Saves refused because someone else saved the role first").register(registry);
    }

    void answerSaved() {
        afterCommit(autosaves);
    }

    void submitted() {
        afterCommit(submissions);
    }

    void conflict() {
        conflicts.increment();
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
