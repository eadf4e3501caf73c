package jp.kakaritsuke.caselibrary.service;

import java.util.concurrent.atomic.AtomicReference;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the published case library. It is public reference data (the API serves it without login), so reading
 * needs no authority; reloading after an administrator's change does. The snapshot is read in one read-only
 * transaction on first use; later calls touch neither the database nor a connection.
 */
@Service
public class CaseLibraryService {

    private final CaseLibraryRepository repository;
    private final TransactionTemplate readOnly;
    private final AtomicReference<CaseLibrary> cache = new AtomicReference<>();

    public CaseLibraryService(CaseLibraryRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The cached snapshot, loaded on first use. */
    @Anyone("published reference data: the MHLW case library (also the public API)")
    public CaseLibrary library() {
        CaseLibrary current = cache.get();
        if (current == null) {
            cache.compareAndSet(null, load());
            current = cache.get();
        }
        return current;
    }

    /** Re-reads the library, e.g. after an administrator changed reference data. */
    @PreAuthorize("hasRole('ADMIN')")
    public CaseLibrary reload() {
        CaseLibrary fresh = load();
        cache.set(fresh);
        return fresh;
    }

    private CaseLibrary load() {
        return readOnly.execute(status -> repository.load());
    }
}
