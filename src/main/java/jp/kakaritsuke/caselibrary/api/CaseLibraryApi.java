package jp.kakaritsuke.caselibrary.api;

import java.util.List;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.caselibrary.domain.CaseLibrary;
import jp.kakaritsuke.caselibrary.service.CaseLibraryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only JSON API over the published case library (no login needed). Documented in docs/api.md. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class CaseLibraryApi {

    private final CaseLibraryService service;

    CaseLibraryApi(CaseLibraryService service) {
        this.service = service;
    }

    @GetMapping("/roles")
    List<ApiModel.RoleJson> roles() {
        return service.library().roles().stream().map(ApiModel.RoleJson::of).toList();
    }

    @GetMapping("/cases")
    List<ApiModel.CaseJson> cases() {
        return service.library().cases().stream().map(ApiModel.CaseJson::of).toList();
    }

    @GetMapping("/cases/{number}")
    ApiModel.CaseJson caseStudy(@PathVariable String number) {
        CaseLibrary library = service.library();
        return library.caseStudy(number).map(ApiModel.CaseJson::of)
                .orElseThrow(() -> new NotFoundException("case", number));
    }

    @GetMapping("/survey")
    List<ApiModel.SurveyQuestionJson> survey() {
        return service.library().survey().stream().map(ApiModel.SurveyQuestionJson::of).toList();
    }
}
