package jp.kakaritsuke.associations.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.ReportReadiness;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.service.ReportReadinessService;
import jp.kakaritsuke.associations.service.RollupService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Associations and their rollups for API clients; the same authorisation and suppression as everywhere (docs/api.md). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class AssociationApi {

    private final RollupService rollups;
    private final ReportReadinessService readiness;

    AssociationApi(RollupService rollups, ReportReadinessService readiness) {
        this.rollups = rollups;
        this.readiness = readiness;
    }

    /**
     * The rollup's fields as before, unwrapped at the top level (backward compatible), plus {@code reportPreparation}:
     * the members' preparation of the かかりつけ医機能報告 for {@code reportYear} (default: the current report year).
     */
    record RollupResponse(@JsonUnwrapped Rollup rollup, ReportReadiness reportPreparation) {
    }

    @GetMapping("/associations")
    List<Association> associations() {
        return rollups.visibleAssociations();
    }

    @GetMapping("/associations/{id}/rollup")
    RollupResponse rollup(@PathVariable long id, @RequestParam(name = "reportYear", required = false) Integer reportYear) {
        // read (and refused: 404, then 400 for a year without items) before the download is recorded
        // (no report items published at all: no part, rather than a refused rollup)
        ReportReadiness preparation = reportYear == null && readiness.years().isEmpty() ? null : readiness.readiness(id, reportYear);
        return new RollupResponse(rollups.download(id, "rollup (API)"), preparation);
    }
}
