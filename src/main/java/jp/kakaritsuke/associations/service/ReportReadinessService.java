package jp.kakaritsuke.associations.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.kakaritsuke.base.Anyone;
import jp.kakaritsuke.associations.domain.AssociationRepository;
import jp.kakaritsuke.associations.domain.AssociationTree;
import jp.kakaritsuke.associations.domain.ReportReadiness;
import jp.kakaritsuke.associations.domain.ReportReadinessCalculator;
import jp.kakaritsuke.associations.domain.ReportMember;
import jp.kakaritsuke.base.FieldErrors;
import jp.kakaritsuke.base.Japan;
import jp.kakaritsuke.functionreport.domain.ReportEdition;
import jp.kakaritsuke.functionreport.service.MemberPreparations;
import jp.kakaritsuke.functionreport.service.ReportEditionService;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an association's members stand with one year's かかりつけ医機能報告 (issue 12): the same visibility check as the
 * rollup ({@link AssociationAccess#requireVisible}: another association's page answers 404), the members of the
 * subtree, their preparations read through the functionreport module's service ({@link MemberPreparations}), and the
 * figures protected by {@link ReportReadinessCalculator}. Reading it is not recorded; the JSON API and the workbook
 * record it with the rollup they belong to ({@link RollupService#download}).
 */
@Service
public class ReportReadinessService {


    private final AssociationRepository associations;
    private final MemberIndex memberStates;
    private final AssociationAccess access;
    private final MemberPreparations preparations;
    private final ReportEditionService editions;
    private final Clock clock;

    public ReportReadinessService(AssociationRepository associations, MemberIndex memberStates, AssociationAccess access,
                                  MemberPreparations preparations, ReportEditionService editions, Clock clock) {
        this.associations = associations;
        this.memberStates = memberStates;
        this.access = access;
        this.preparations = preparations;
        this.editions = editions;
        this.clock = clock;
    }

    /** The page: the figures, the items they were counted with (for the labels) and the years one may choose. */
    public record Overview(ReportReadiness readiness, ReportEdition edition, List<Integer> years) {
    }

    /**
     * The report year being prepared on the clock's date in Tokyo: the January–March season under way, else the one
     * ahead — the preparation's own rule ({@link ReportPreparationService#reportYearOn}), so both sides agree.
     */
    public int currentReportYear() {
        return ReportPreparationService.reportYearOn(LocalDate.ofInstant(clock.instant(), Japan.ZONE));
    }

    /**
     * The report years one may look at: from the first edition's to the later of the current report year and the
     * newest edition's (an edition's items serve the following years until the next is published).
     */
    @Anyone("the report years: derived from published editions and the clock")
    public List<Integer> years() {
        List<Integer> published = editions.years();
        List<Integer> result = new ArrayList<>();
        if (published.isEmpty()) {
            return result;
        }
        int last = Math.max(currentReportYear(), published.getLast());
        for (int y = published.getFirst(); y <= last; y++) {
            result.add(y);
        }
        return result;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public ReportReadiness readiness(long associationId, Integer reportYear) {
        return overview(associationId, reportYear).readiness();
    }

    /** {@code reportYear} null: the current report year. A year without items is refused on "reportYear". */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Overview overview(long associationId, Integer reportYear) {
        access.requireVisible(associationId); // first: another association's page is 404 whatever the year
        List<Integer> years = years();
        int year = reportYear == null ? currentReportYear() : reportYear;
        if (years.isEmpty() || !years.contains(year)) {
            throw new FieldErrors(List.of(FieldErrors.FieldError.of("reportYear", "readiness.error.year",
                    years.isEmpty() ? year : years.getFirst(), years.isEmpty() ? year : years.getLast())));
        }
        ReportEdition edition = editions.forReportYear(year);
        AssociationTree tree = associations.tree();
        Set<Long> scope = tree.subtree(associationId);
        List<ReportMember> members = memberStates.reportMembers(scope);
        List<Long> reporting = members.stream().filter(m -> !m.association()).map(ReportMember::facilityId).toList();
        var summaries = reporting.isEmpty() ? List.<jp.kakaritsuke.functionreport.domain.PreparationSummary>of()
                : preparations.summaries(reporting, year);
        ReportReadiness readiness = ReportReadinessCalculator.calculate(tree.get(associationId).orElseThrow(), year, edition,
                members, summaries);
        return new Overview(readiness, edition, years);
    }
}
