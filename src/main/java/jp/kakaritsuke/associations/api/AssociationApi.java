package jp.kakaritsuke.associations.api;

import java.util.List;
import jp.kakaritsuke.associations.domain.Association;
import jp.kakaritsuke.associations.domain.Rollup;
import jp.kakaritsuke.associations.service.RollupService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Associations and their rollups for API clients; the same authorisation and suppression as everywhere (docs/api.md). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class AssociationApi {

    private final RollupService rollups;

    AssociationApi(RollupService rollups) {
        this.rollups = rollups;
    }

    @GetMapping("/associations")
    List<Association> associations() {
        return rollups.visibleAssociations();
    }

    @GetMapping("/associations/{id}/rollup")
    Rollup rollup(@PathVariable long id) {
        return rollups.download(id, "rollup (API)");
    }
}
