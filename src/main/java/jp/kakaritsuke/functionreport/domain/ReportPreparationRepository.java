package jp.kakaritsuke.functionreport.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportPreparationRepository extends JpaRepository<ReportPreparation, Long> {

    Optional<ReportPreparation> findByFacilityIdAndReportYear(long facilityId, int reportYear);

    /** Newest year first: the history, and where last year's answers are carried from. */
    List<ReportPreparation> findByFacilityIdOrderByReportYearDesc(long facilityId);
}
