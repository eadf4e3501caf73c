package jp.kakaritsuke.caselibrary.service;

import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.base.ClusterSync;
import jp.kakaritsuke.base.SharedSnapshot;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.domain.CaseLibraryRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Gives the published case library. It is public reference data (the API serves it without login), so reading
 * needs no authority; reloading after an administrator's change does. The snapshot is read in one read-only
 * transaction on first use; later calls touch neither the database nor a connection. Several nodes: a reload raises
 * the {@code case-library} generation ({@link ClusterSync}), and every other node reads the library again at its next
 * check (within {@code app.cluster.snapshot-check}, 5 seconds); whatever is derived from the snapshot (scoring's model)
 * follows because it is keyed by the snapshot instance.
 */
@Service
public class CaseLibraryService {

    private final SharedSnapshot<CaseLibrary> snapshot;

    public CaseLibraryService(CaseLibraryRepository repository, ClusterSync cluster) {
        this.snapshot = cluster.snapshot("case-library", repository::load);
    }

    /** The cached snapshot, loaded on first use. */
    @Anyone("published reference data: the MHLW case library (also the public API)")
    public CaseLibrary library() {
        return snapshot.get();
    }

    /** Re-reads the library, e.g. after an administrator changed reference data; every node follows (see above). */
    @PreAuthorize("hasRole('ADMIN')")
    public CaseLibrary reload() {
        return snapshot.reload();
    }
}
