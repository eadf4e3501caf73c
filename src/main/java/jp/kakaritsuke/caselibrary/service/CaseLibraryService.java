package jp.kakaritsuke.caselibrary.service;

import java.util.concurrent.atomic.AtomicReference;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the published case library. It is public reference data (the API serves it without login), so reading
 * needs no authority; reloading after an administrator's change does.
 */
@Service
public class CaseLibraryService {

    private final CaseLibraryRepository repository;
    private final AtomicReference<CaseLibrary> cache = new AtomicReference<>();

    public CaseLibraryService(CaseLibraryRepository repository) {
        this.repository = repository;
    }

    /** The cached snapshot, loaded on first use. */
    @Transactional(readOnly = true)
    public CaseLibrary library() {
        CaseLibrary current = cache.get();
        if (current == null) {
            current = repository.load();
            cache.compareAndSet(null, current);
        }
        return current;
    }

    /** Re-reads the library, e.g. after an administrator changed reference data. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public CaseLibrary reload() {
        CaseLibrary fresh = repository.load();
        cache.set(fresh);
        return fresh;
    }
}
