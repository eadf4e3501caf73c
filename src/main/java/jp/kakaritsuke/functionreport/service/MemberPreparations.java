package jp.kakaritsuke.functionreport.service;

import java.util.Collection;
import java.util.List;
import jp.kakaritsuke.functionreport.domain.PreparationSummary;
import jp.kakaritsuke.functionreport.domain.PreparationSummaryRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many facilities' preparations of one report year at once, for the associations module's readiness page: the
 * functionreport module reads its own tables in its own transaction (decision 0008). The caller has checked that its
 * user may see these facilities in aggregate (an association's visible subtree); what leaves here is protected there
 * before anyone sees it, like {@code facility.service.FacilityDirectory}'s facts.
 */
@Service
public class MemberPreparations {

    private final PreparationSummaryRepository summaries;

    public MemberPreparations(PreparationSummaryRepository summaries) {
        this.summaries = summaries;
    }

    /** See {@link PreparationSummaryRepository#summaries}: only confirmed answers, in facility id order. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PreparationSummary> summaries(Collection<Long> facilityIds, int reportYear) {
        return summaries.summaries(facilityIds, reportYear);
    }
}
