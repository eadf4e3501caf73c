package jp.kakaritsuke.assessment.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.QuestionnaireRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Published questionnaires, cached per version (they never change once published: a change is a new version).
 * Published content is not secret, so reading needs no authority.
 */
@Service
public class QuestionnaireService {

    private final QuestionnaireRepository repository;
    private final TransactionTemplate readOnly;
    private final Map<Integer, Questionnaire> cache = new ConcurrentHashMap<>();
    private volatile Integer currentVersion;

    public QuestionnaireService(QuestionnaireRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The newest published version: new rounds use it. */
    @Anyone("published reference data: the questionnaire (pages and API need a login anyway)")
    public Questionnaire current() {
        Integer version = currentVersion;
        if (version == null) {
            version = readOnly.execute(s -> repository.latestVersion())
                    .orElseThrow(() -> new IllegalStateException("no questionnaire is published"));
            currentVersion = version;
        }
        return version(version);
    }

    @Anyone("published reference data: the questionnaire (pages and API need a login anyway)")
    public Questionnaire version(int version) {
        return cache.computeIfAbsent(version, v -> readOnly.execute(s -> repository.load(v))
                .orElseThrow(() -> new IllegalArgumentException("no questionnaire version " + v)));
    }
}
