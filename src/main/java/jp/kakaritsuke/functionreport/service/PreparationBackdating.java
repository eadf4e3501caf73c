package jp.kakaritsuke.functionreport.service;

import java.time.Instant;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.functionreport.domain.ReportPreparationRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's history (demo.DemoData: last season's filed report): restates when a preparation was made and submitted,
 * through the entity, so the demo names no table of this module. Exists only where the demo runs (the embedded default
 * with app.demo.enabled); a production instance has no way to rewrite it. Administrators only.
 */
@Service
@Profile("!mariadb")
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
public class PreparationBackdating {

    private final ReportPreparationRepository preparations;

    public PreparationBackdating(ReportPreparationRepository preparations) {
        this.preparations = preparations;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void backdate(long facilityId, int reportYear, Instant at) {
        preparations.findByFacilityIdAndReportYear(facilityId, reportYear)
                .orElseThrow(() -> new NotFoundException("preparation", facilityId + "/" + reportYear))
                .backdate(at);
    }
}
